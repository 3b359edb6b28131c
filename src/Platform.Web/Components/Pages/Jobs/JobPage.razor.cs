using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Core.Events;
using Platform.Core.Jobs;
using Platform.Core.Logs;
using Platform.Core.Metrics;

namespace Platform.Web.Components.Pages.Jobs;

/// <summary>
/// One run, live: history first (downsampled), then every point the bus delivers. Events that arrive while the
/// history loads are held back and applied after it, so nothing is lost or drawn out of order.
/// </summary>
public partial class JobPage : IDisposable
{
    private static readonly TimeSpan s_renderInterval = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, List<double[]>> _series = [];
    private readonly List<JobLogEntry> _log = [];
    private readonly List<RunEvent> _held = [];
    private readonly Lock _gate = new();
    private JobDto? _job;
    private bool _notFound;
    private bool _historyLoaded;
    private bool _cancelling;
    private int _renderPending;
    private IDisposable? _subscription;

    [Parameter]
    public Guid Id { get; set; }

    [PersistentState]
    public JobDto? PrerenderedJob { get; set; }

    [Inject] private JobReader Jobs { get; set; } = default!;
    [Inject] private JobQueue Queue { get; set; } = default!;
    [Inject] private JobLog Log { get; set; } = default!;
    [Inject] private MetricSeriesReader Metrics { get; set; } = default!;
    [Inject] private RunEventBus Bus { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        // Only the live page subscribes: a prerender has no circuit to push updates to.
        _subscription?.Dispose();
        _subscription = null;
        lock (_gate)
        {
            _historyLoaded = false;
        }

        if (RendererInfo.IsInteractive)
        {
            _subscription = Bus.Subscribe(Id, OnRunEvent);
        }

        // The prerendered page hands its copy of the job to the live one, which shows it while reading a fresh one.
        _job = PrerenderedJob?.Id == Id ? PrerenderedJob : null;
        _job = PrerenderedJob = await Jobs.GetAsync(Id, CancellationToken.None);
        _notFound = _job is null;
        if (_job is null || !RendererInfo.IsInteractive)
        {
            // Charts and log come with the live page: reading them for the prerender too would read them twice
            // and show charts that vanish when the circuit starts.
            return;
        }

        var history = await Metrics.ReadAsync(Id, null, Api.MetricsApi.DefaultMaxPoints, CancellationToken.None);
        var log = await Log.ReadAsync(Id, 200, CancellationToken.None);
        lock (_gate)
        {
            _series.Clear();
            foreach (var series in history)
            {
                _series[series.Key] = series.Points.ToList();
            }

            _log.Clear();
            _log.AddRange(log);
            var lastLogged = _log.Count > 0 ? _log[^1].At : DateTimeOffset.MinValue;
            foreach (var held in _held)
            {
                Apply(held, fromHistoryGap: true, lastLogged);
            }

            _held.Clear();
            _historyLoaded = true;
        }
    }

    private void OnRunEvent(RunEvent runEvent)
    {
        lock (_gate)
        {
            if (!_historyLoaded)
            {
                _held.Add(runEvent);
                return;
            }

            Apply(runEvent, fromHistoryGap: false, DateTimeOffset.MinValue);
        }

        if (runEvent is JobStateChanged { State: not JobState.Running })
        {
            _ = InvokeAsync(ReloadJobAsync);
        }

        if (Interlocked.Exchange(ref _renderPending, 1) == 0)
        {
            _ = InvokeAsync(RenderSoonAsync);
        }
    }

    private void Apply(RunEvent runEvent, bool fromHistoryGap, DateTimeOffset lastLogged)
    {
        switch (runEvent)
        {
            case MetricsAppended metrics:
                foreach (var sample in metrics.Samples)
                {
                    if (!_series.TryGetValue(sample.Key, out var points))
                    {
                        _series[sample.Key] = points = [];
                    }

                    // A held point may already be in the history that was read after it was published.
                    if (fromHistoryGap && points.Count > 0 && sample.Step <= points[^1][0])
                    {
                        continue;
                    }

                    points.Add([sample.Step, sample.Value]);
                }

                break;
            case JobLogWritten line when !fromHistoryGap || line.At > lastLogged:
                _log.Add(new JobLogEntry(line.At, line.Message));
                break;
            case JobStateChanged state when _job is not null:
                _job = _job with { State = state.State, Progress = state.State is JobState.Running or JobState.Succeeded ? state.Progress : _job.Progress, ProgressMessage = state.Message ?? _job.ProgressMessage };
                break;
        }
    }

    private async Task RenderSoonAsync()
    {
        await Task.Delay(s_renderInterval);
        Volatile.Write(ref _renderPending, 0);
        lock (_gate)
        {
            StateHasChanged();
        }
    }

    private async Task ReloadJobAsync()
    {
        try
        {
            _job = await Jobs.GetAsync(Id, CancellationToken.None) ?? _job;
            StateHasChanged();
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task CancelAsync()
    {
        _cancelling = true;
        try
        {
            var outcome = await Queue.RequestCancelAsync(Id, CancellationToken.None);
            Snackbar.Add(outcome switch
            {
                CancelOutcome.Cancelled => "The job was cancelled before it started.",
                CancelOutcome.Requested => "Cancel requested; the worker is stopping the run.",
                CancelOutcome.AlreadyFinished => "The job had already finished.",
                _ => "The job no longer exists.",
            }, outcome is CancelOutcome.Cancelled or CancelOutcome.Requested ? Severity.Success : Severity.Warning);
            await ReloadJobAsync();
        }
        finally
        {
            _cancelling = false;
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
