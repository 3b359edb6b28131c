using Microsoft.AspNetCore.Components;
using Platform.Core.Events;
using Platform.Core.Runs;
using Platform.Core.Workers;

namespace Platform.Web.Components.Pages.Overview;

/// <summary>
/// The queue at a glance. Run figures are re-read when a run changes state (at most once per
/// <see cref="s_runsInterval"/>), and so are workers, which also report by heartbeat: every <see cref="s_workersInterval"/>.
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
    private IDisposable? _subscription;
    private int _runsRefreshScheduled;

    [Inject] private RunReader Runs { get; set; } = default!;
    [Inject] private RunThroughputReader Throughput { get; set; } = default!;
    [Inject] private WorkerReader Workers { get; set; } = default!;
    [Inject] private RunEventBus Bus { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            _subscription = Bus.SubscribeAll(OnRunEvent);
            _ = InvokeAsync(PollWorkersAsync);
        }

        await ReadRunsAsync();
    }

    private void OnRunEvent(RunEvent runEvent)
    {
        // Progress of a running run (Running, progress > 0) changes no figure here; every transition does, and so may
        // the transitions that went unheard while the live feed was away.
        var changesFigures = runEvent is LiveFeedResumed
            || runEvent is RunStateChanged change && (change.State != RunState.Running || change.Progress == 0);
        if (changesFigures && Interlocked.Exchange(ref _runsRefreshScheduled, 1) == 0)
        {
            _ = InvokeAsync(RefreshRunsSoonAsync);
        }
    }

    private async Task RefreshRunsSoonAsync()
    {
        try
        {
            await Task.Delay(s_runsInterval, _stopping.Token);
            Volatile.Write(ref _runsRefreshScheduled, 0);
            await ReadRunsAsync();
            StateHasChanged();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task PollWorkersAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(s_workersInterval);
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
        _subscription?.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
