using Microsoft.AspNetCore.Components;
using Platform.Core.Events;
using Platform.Core.Jobs;
using Platform.Core.Workers;

namespace Platform.Web.Components.Pages.Overview;

/// <summary>
/// The queue at a glance. Job figures are re-read when a run changes state (at most once per
/// <see cref="s_jobsInterval"/>), and so are workers, which also report by heartbeat: every <see cref="s_workersInterval"/>.
/// </summary>
public partial class OverviewPage : IDisposable
{
    private const int RecentCount = 12;
    private const int ThroughputHours = 24;
    private static readonly TimeSpan s_jobsInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_workersInterval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private IReadOnlyDictionary<JobState, int>? _counts;
    private IReadOnlyList<WorkerDto> _workers = [];
    private IReadOnlyList<JobDto> _recent = [];
    private IReadOnlyList<HourlyThroughput> _throughput = [];
    private IDisposable? _subscription;
    private int _jobsRefreshScheduled;

    [Inject] private JobReader Jobs { get; set; } = default!;
    [Inject] private JobThroughputReader Throughput { get; set; } = default!;
    [Inject] private WorkerReader Workers { get; set; } = default!;
    [Inject] private RunEventBus Bus { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            _subscription = Bus.SubscribeAll(OnRunEvent);
            _ = InvokeAsync(PollWorkersAsync);
        }

        await ReadJobsAsync();
    }

    private void OnRunEvent(RunEvent runEvent)
    {
        // Progress of a running job (Running, progress > 0) changes no figure here; every transition does, and so may
        // the transitions that went unheard while the live feed was away.
        var changesFigures = runEvent is LiveFeedResumed
            || runEvent is JobStateChanged change && (change.State != JobState.Running || change.Progress == 0);
        if (changesFigures && Interlocked.Exchange(ref _jobsRefreshScheduled, 1) == 0)
        {
            _ = InvokeAsync(RefreshJobsSoonAsync);
        }
    }

    private async Task RefreshJobsSoonAsync()
    {
        try
        {
            await Task.Delay(s_jobsInterval, _stopping.Token);
            Volatile.Write(ref _jobsRefreshScheduled, 0);
            await ReadJobsAsync();
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

    private async Task ReadJobsAsync()
    {
        _counts = await Jobs.CountByStateAsync(_stopping.Token);
        _recent = (await Jobs.ListAsync(new JobFilter(PageSize: RecentCount), _stopping.Token)).Items;
        _throughput = await Throughput.FinishedPerHourAsync(ThroughputHours, _stopping.Token);
        // A worker's runs in progress are read from the jobs it leases, so they change with the jobs, not only with its heartbeat.
        _workers = await Workers.ListAliveAsync(_stopping.Token);
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
