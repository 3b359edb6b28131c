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
using Platform.Web.Live;
using Platform.Web.Security;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>
/// One run, live: history first (downsampled), then every point the live feed delivers. Events that arrive while the
/// history loads are held back by the feed and applied after it, so nothing is lost or drawn twice (charts take only
/// steps past their last, the log only lines past its last). Each frame of the feed renders once and sends the new
/// points to the browser, which appends them once per animation frame.
/// </summary>
public partial class RunPage : IDisposable
{
    /// <summary>
    /// Points per curve drawn from history: about two per pixel of a panel's plot area (each downsampling bucket keeps
    /// its first, lowest and highest point). More would cost drawing time and show nothing more; a zoom re-reads.
    /// </summary>
    private const int PointsPerCurve = 600;

    private readonly List<RunLogEntry> _log = [];
    private RunCharts _charts = new([]);
    private IReadOnlyList<ArtifactInfo> _artifacts = [];
    private IReadOnlyList<GanttChart> _gantts = [];
    private IReadOnlyList<string> _ganttCategories = [];
    private IExperiment? _experiment;
    private RunDto? _run;
    private DateTimeOffset _loggedUpTo = DateTimeOffset.MinValue;
    private bool _notFound;
    private bool _cancelling;
    private bool _renderNeeded;
    private LiveRunFeed? _feed;

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
    [Inject] private LiveRunFeeds Feeds { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        // Only the live page follows the run: a prerender has no circuit to push updates to.
        if (RendererInfo.IsInteractive)
        {
            _feed ??= Feeds.Create(InvokeAsync, OnLiveAsync, DispatchExceptionAsync);
            _feed.Follow(Id);
        }

        // The prerendered page hands its copy of the run to the live one, which shows it while reading a fresh one.
        _run = PrerenderedRun?.Id == Id ? PrerenderedRun : null;
        _run = PrerenderedRun = await Runs.GetAsync(Id, CancellationToken.None);
        _notFound = _run is null;
        if (_run is null || _feed is null)
        {
            // Charts and log come with the live page: reading them for the prerender too would read them twice.
            return;
        }

        _experiment = Catalog.TryGet(_run.Kind, out var experiment) ? experiment : null;
        var history = await Metrics.ReadAsync(Id, null, PointsPerCurve, CancellationToken.None);
        var log = await Log.ReadAsync(Id, 200, CancellationToken.None);
        await LoadArtifactsAsync();
        _charts = new RunCharts(_experiment?.Charts ?? []);
        _charts.Load(history);
        _log.Clear();
        _log.AddRange(log);
        _loggedUpTo = _log.Count > 0 ? _log[^1].At : DateTimeOffset.MinValue;
        _feed.HistoryLoaded();
    }

    /// <summary>One frame of the live feed: apply its events, re-read after an outage or a transition, then draw.</summary>
    private async Task OnLiveAsync(LiveRunBatch batch)
    {
        var reload = false;
        foreach (var runEvent in batch.Events.Where(e => e.RunId == Id))
        {
            reload |= Apply(runEvent);
        }

        if (batch.Resync)
        {
            await CatchUpAsync();
            reload = true;
        }

        if (reload)
        {
            await ReloadRunAsync();
        }
        else
        {
            await PushAsync();
        }
    }

    /// <summary>Applies one event; true when the run changed state other than to Running and must be re-read.</summary>
    private bool Apply(RunEvent runEvent)
    {
        switch (runEvent)
        {
            case MetricsAppended metrics:
                foreach (var sample in metrics.Samples)
                {
                    _renderNeeded |= _charts.Add(sample.Key, sample.Step, sample.Value);
                }

                return false;
            case RunLogWritten line when line.At > _loggedUpTo:
                _log.Add(new RunLogEntry(line.At, line.Message));
                _loggedUpTo = line.At;
                _renderNeeded = true;
                return false;
            case RunProgressed progress when _run is not null:
                _run = _run with { Progress = progress.Progress, ProgressMessage = progress.Message ?? _run.ProgressMessage };
                _renderNeeded = true;
                return false;
            case RunStateChanged change when _run is not null:
                _run = _run with
                {
                    State = change.State,
                    // A lease starts the next attempt (the queue counts it then): "attempt 1 of 3", never "0 of 3", while it runs.
                    Attempt = LiveAttempt.After(_run.State, _run.Attempt, change.State),
                    Progress = change.State == RunState.Succeeded ? 1 : _run.Progress,
                    ProgressMessage = change.Message ?? _run.ProgressMessage,
                };
                _renderNeeded = true;
                // A finished run has its summary, artifacts and finish time to show; a handed-back one its attempts.
                return change.State != RunState.Running;
            default:
                return false;
        }
    }

    /// <summary>Events from other processes went unheard for a while: read the points stored meanwhile.</summary>
    private async Task CatchUpAsync()
    {
        var history = await Metrics.ReadAsync(Id, null, PointsPerCurve, CancellationToken.None);
        // Points the page already has are skipped: each curve only takes steps past its last one.
        foreach (var series in history)
        {
            foreach (var point in series.Points)
            {
                _renderNeeded |= _charts.Add(series.Key, (long)point[0], point[1]);
            }
        }
    }

    /// <summary>Renders if something on the page changed, then sends the queued points to the browser.</summary>
    private async Task PushAsync()
    {
        var appends = _charts.TakeAppends();
        if (_renderNeeded)
        {
            _renderNeeded = false;
            StateHasChanged();
        }

        if (appends.Count > 0)
        {
            try
            {
                await JS.InvokeVoidAsync("platformCharts.append", appends);
            }
            catch (JSDisconnectedException)
            {
                // The browser left; the circuit is going away with it.
            }
        }
    }

    private async Task<IReadOnlyList<PlotSeries>> LoadRangeAsync(string group, PlotRange range)
    {
        var keys = _charts.KeysOf(group);
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
        _ganttCategories = gantts.SelectMany(g => g.Bars.Select(b => b.Category)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private async Task ReloadRunAsync()
    {
        _run = await Runs.GetAsync(Id, CancellationToken.None) ?? _run;
        await LoadArtifactsAsync();
        // The run's last points were published before its final state: draw them before the page says it is done.
        await PushAsync();
        StateHasChanged();
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

    public void Dispose()
    {
        _feed?.Dispose();
        GC.SuppressFinalize(this);
    }
}
