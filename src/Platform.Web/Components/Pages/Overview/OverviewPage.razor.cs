using Microsoft.AspNetCore.Components;
using Platform.Core.Events;
using Platform.Core.Runs;
using Platform.Core.Workers;
using Platform.Web.Live;

namespace Platform.Web.Components.Pages.Overview;

/// <summary>
/// The queue at a glance. Run figures are re-read when a run changes state (at most once per
/// <see cref="s_runsInterval"/>) or the live feed was away, and so are workers, which also report by heartbeat: every
/// <see cref="s_workersInterval"/>.
/// </summary>
public partial class OverviewPage : IDisposable
{
    private const int RecentCount = 12;
    private const int ThroughputHours = 24;
    private static readonly TimeSpan s_runsInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_workersInterval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private IReadOnlyDictionary<RunState, int>? _counts;
    private IReadOnlyList<WorkerDto> _workers = [];
    private IReadOnlyList<RunDto> _recent = [];
    private IReadOnlyList<HourlyThroughput> _throughput = [];
    private LiveRunFeed? _feed;

    [Inject] private RunReader Runs { get; set; } = default!;
    [Inject] private RunThroughputReader Throughput { get; set; } = default!;
    [Inject] private WorkerReader Workers { get; set; } = default!;
    [Inject] private LiveRunFeeds Feeds { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            // Transitions change the figures; progress, points and log lines of a running run change none.
            _feed = Feeds.Create(InvokeAsync, OnLiveAsync, DispatchExceptionAsync, s_runsInterval, e => e is RunStateChanged);
            _feed.FollowAll();
            _ = InvokeAsync(PollWorkersAsync);
        }

        await ReadRunsAsync();
        _feed?.HistoryLoaded();
    }

    /// <summary>Whatever the batch holds, the figures are counts and lists: read them again.</summary>
    private async Task OnLiveAsync(LiveRunBatch _)
    {
        try
        {
            await ReadRunsAsync();
            StateHasChanged();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task PollWorkersAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(s_workersInterval, Time);
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                _workers = await Workers.ListAliveAsync(_stopping.Token);
                StateHasChanged();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task ReadRunsAsync()
    {
        _counts = await Runs.CountByStateAsync(_stopping.Token);
        _recent = (await Runs.ListAsync(new RunFilter(PageSize: RecentCount), _stopping.Token)).Items;
        _throughput = await Throughput.FinishedPerHourAsync(ThroughputHours, _stopping.Token);
        // A worker's runs in progress are read from the runs it leases, so they change with the runs, not only with its heartbeat.
        _workers = await Workers.ListAliveAsync(_stopping.Token);
    }

    public void Dispose()
    {
        _feed?.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
