using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using Platform.Core.Artifacts;
using Platform.Core.Events;
using Platform.Core.Runs;
using Platform.Core.Logs;
using Platform.Core.Metrics;
using ChartPanel = Platform.Experiments.Contract.ChartPanel;
using FamilyCatalog = Platform.Experiments.Contract.FamilyCatalog;
using IExperiment = Platform.Experiments.Contract.IExperiment;
using Platform.Experiments.Contract.Figures;
using Platform.Web.Components.Shared.Charts;
using Platform.Web.Security;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>
/// One run, live: history first (downsampled), then every point the bus delivers. Events that arrive while the
/// history loads are held back and applied after it, so nothing is lost or drawn twice. New points go to the
/// browser in small batches (<see cref="s_pushInterval"/>), which appends them once per animation frame.
/// </summary>
public partial class RunPage : IAsyncDisposable
{
    private static readonly TimeSpan s_pushInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Points per curve drawn from history: about two per pixel of a panel's plot area (each downsampling bucket keeps
    /// its first, lowest and highest point). More would cost drawing time and show nothing more; a zoom re-reads.
    /// </summary>
    private const int PointsPerCurve = 600;

    private readonly List<RunLogEntry> _log = [];
    private readonly List<RunEvent> _held = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private RunCharts _charts = new([]);
    private IReadOnlyList<ArtifactInfo> _artifacts = [];
    private IReadOnlyList<GanttChart> _gantts = [];
    private IExperiment? _experiment;
    private RunDto? _run;
    private bool _notFound;
    private bool _historyLoaded;
    private bool _cancelling;
    private bool _renderNeeded;
    private IDisposable? _subscription;
    private Task? _pusher;

    [Parameter]
    public Guid Id { get; set; }

    [PersistentState]
    public RunDto? PrerenderedRun { get; set; }

    [Inject] private RunReader Runs { get; set; } = default!;
    [Inject] private RunQueue Queue { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private RunLog Log { get; set; } = default!;
    [Inject] private MetricSeriesReader Metrics { get; set; } = default!;
    [Inject] private ArtifactStore ArtifactStore { get; set; } = default!;
    [Inject] private FamilyCatalog Catalog { get; set; } = default!;
    [Inject] private RunEventBus Bus { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
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
            _pusher ??= PushLoopAsync(_stop.Token);
        }

        // The prerendered page hands its copy of the run to the live one, which shows it while reading a fresh one.
        _run = PrerenderedRun?.Id == Id ? PrerenderedRun : null;
        _run = PrerenderedRun = await Runs.GetAsync(Id, CancellationToken.None);
        _notFound = _run is null;
        if (_run is null || !RendererInfo.IsInteractive)
        {
            // Charts and log come with the live page: reading them for the prerender too would read them twice.
            return;
        }

        _experiment = Catalog.TryGet(_run.Kind, out var experiment) ? experiment : null;
        var history = await Metrics.ReadAsync(Id, null, PointsPerCurve, CancellationToken.None);
        var log = await Log.ReadAsync(Id, 200, CancellationToken.None);
        await LoadArtifactsAsync();
        lock (_gate)
        {
            _charts = new RunCharts(_experiment?.Charts ?? []);
            _charts.Load(history);
            _log.Clear();
            _log.AddRange(log);
            var lastLogged = _log.Count > 0 ? _log[^1].At : DateTimeOffset.MinValue;
            foreach (var held in _held)
            {
                Apply(held, lastLogged);
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

            Apply(runEvent, DateTimeOffset.MinValue);
        }

        if (runEvent is RunStateChanged { State: not RunState.Running })
        {
            _ = InvokeAsync(ReloadRunAsync);
        }
        else if (runEvent is LiveFeedResumed)
        {
            _ = InvokeAsync(CatchUpAsync);
        }
    }

    /// <summary>Events from other processes went unheard for a while: read what was stored meanwhile.</summary>
    private async Task CatchUpAsync()
    {
        try
        {
            var history = await Metrics.ReadAsync(Id, null, PointsPerCurve, CancellationToken.None);
            lock (_gate)
            {
                // Points the page already has are skipped: each curve only takes steps past its last one.
                foreach (var series in history)
                {
                    foreach (var point in series.Points)
                    {
                        _renderNeeded |= _charts.Add(series.Key, (long)point[0], point[1]);
                    }
                }
            }

            await ReloadRunAsync();
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private void Apply(RunEvent runEvent, DateTimeOffset lastLogged)
    {
        switch (runEvent)
        {
            case MetricsAppended metrics:
                foreach (var sample in metrics.Samples)
                {
                    _renderNeeded |= _charts.Add(sample.Key, sample.Step, sample.Value);
                }

                break;
            case RunLogWritten line when line.At > lastLogged:
                _log.Add(new RunLogEntry(line.At, line.Message));
                _renderNeeded = true;
                break;
            case RunStateChanged state when _run is not null:
                _run = _run with
                {
                    State = state.State,
                    Progress = state.State is RunState.Running or RunState.Succeeded ? state.Progress : _run.Progress,
                    ProgressMessage = state.Message ?? _run.ProgressMessage,
                };
                _renderNeeded = true;
                break;
        }
    }

    /// <summary>Sends queued points to the browser and re-renders at most every <see cref="s_pushInterval"/>.</summary>
    private async Task PushLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(s_pushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(PushAsync);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private async Task PushAsync()
    {
        IReadOnlyList<PlotAppend> appends;
        bool render;
        lock (_gate)
        {
            appends = _charts.TakeAppends();
            render = _renderNeeded;
            _renderNeeded = false;
        }

        if (render)
        {
            StateHasChanged();
        }

        if (appends.Count > 0)
        {
            await JS.InvokeVoidAsync("platformCharts.append", appends);
        }
    }

    private async Task<IReadOnlyList<PlotSeries>> LoadRangeAsync(string group, PlotRange range)
    {
        IReadOnlyList<string> keys;
        lock (_gate)
        {
            keys = _charts.KeysOf(group);
        }

        var from = range.From is { } f ? (long?)Math.Floor(f) : null;
        var to = range.To is { } t ? (long?)Math.Ceiling(t) : null;
        var series = new List<PlotSeries>();
        foreach (var key in keys)
        {
            foreach (var read in await Metrics.ReadAsync(Id, key, PointsPerCurve, CancellationToken.None, from, to))
            {
                series.Add(PlotSeries.From(ChartPanel.SeriesOf(read.Key), read.Points));
            }
        }

        return series;
    }

    private async Task LoadArtifactsAsync()
    {
        _artifacts = await ArtifactStore.ListAsync(Id, CancellationToken.None);
        var gantts = new List<GanttChart>();
        foreach (var artifact in _artifacts.Where(a => a.ContentType == FigureArtifacts.GanttContentType))
        {
            if (await ArtifactStore.ReadAsync(Id, artifact.Name, CancellationToken.None) is { } content
                && FigureArtifacts.ReadGantt(content.Content) is { } chart)
            {
                gantts.Add(chart);
            }
        }

        _gantts = gantts;
    }

    private async Task ReloadRunAsync()
    {
        try
        {
            _run = await Runs.GetAsync(Id, CancellationToken.None) ?? _run;
            await LoadArtifactsAsync();
            // The run's last points were published before its final state: draw them before the page says it is done.
            await PushAsync();
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
            var outcome = await Queue.RequestCancelAsync(await Authentication.GetCallerAsync(), Id, CancellationToken.None);
            Snackbar.Add(outcome switch
            {
                CancelOutcome.Cancelled => "The run was cancelled before it started.",
                CancelOutcome.Requested => "Cancel requested; the worker is stopping the run.",
                CancelOutcome.AlreadyFinished => "The run had already finished.",
                CancelOutcome.Forbidden => "Your role may not cancel this run.",
                _ => "The run no longer exists.",
            }, outcome is CancelOutcome.Cancelled or CancelOutcome.Requested ? Severity.Success : Severity.Warning);
            await ReloadRunAsync();
        }
        finally
        {
            _cancelling = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await _stop.CancelAsync();
        if (_pusher is not null)
        {
            await _pusher;
        }

        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
