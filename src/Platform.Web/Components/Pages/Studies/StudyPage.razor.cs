using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Core.Events;
using Platform.Core.Runs;
using Platform.Core.Studies;
using Platform.Web.Compare;
using Platform.Web.Live;
using Platform.Web.Security;
using Platform.Web.Studies.Aggregation;

namespace Platform.Web.Components.Pages.Studies;

/// <summary>
/// One study: progress, claims and metrics aggregated over seeds, and charts against the swept parameters. Follows the
/// study's runs on the live feed and re-reads the aggregates when one changes state (at most once a second).
/// </summary>
public sealed partial class StudyPage : IDisposable
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(1);
    private StudyDto? _study;
    private StudyAggregates? _aggregates;
    private IReadOnlyList<StudyRunResult> _results = [];
    private LiveRunFeed? _feed;
    private bool _missing;
    private bool _cancelling;

    [Parameter]
    public Guid Id { get; set; }

    [Inject] private StudyReader Reader { get; set; } = default!;

    [Inject] private StudyCanceller Canceller { get; set; } = default!;

    [Inject] private StudyRunRetrier Retrier { get; set; } = default!;

    [Inject] private LiveRunFeeds Feeds { get; set; } = default!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    /// <summary>Runs left × the mean time per finished run so far, divided among the runs running now.</summary>
    private TimeSpan? TimeLeft
    {
        get
        {
            if (_study is not { State: StudyState.Running, Progress: { Finished: > 0, Running: > 0 } progress })
            {
                return null;
            }

            var elapsed = Time.GetUtcNow() - _study.CreatedAt;
            var left = elapsed / progress.Finished * (progress.Queued + progress.Running);
            return TimeSpan.FromSeconds(Math.Round(left.TotalSeconds));
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        await ReadAsync();
        if (_study is not null && RendererInfo.IsInteractive && _feed is null)
        {
            _feed = Feeds.Create(InvokeAsync, OnLiveAsync, DispatchExceptionAsync, s_interval, e => e is RunStateChanged);
            _feed.Follow(_results.Select(r => r.RunId).ToList());
            // Anything that changed between the read above and the subscription is caught by reading once more.
            await ReadAsync();
            _feed.HistoryLoaded();
        }
    }

    private async Task ReadAsync()
    {
        _study = await Reader.GetAsync(Id, CancellationToken.None);
        _missing = _study is null;
        _results = _study is null ? [] : await Reader.ResultsAsync(Id, CancellationToken.None);
        _aggregates = _study is null ? null : StudyAggregator.Aggregate(_study, _results);
    }

    /// <summary>The compare page with the study's succeeded runs (it folds each point's seeds into a band), up to its limit.</summary>
    private string? CompareLink
    {
        get
        {
            var ids = _results.Where(r => r.State == RunState.Succeeded).Take(ComparisonIds.MaxRuns).Select(r => r.RunId).ToList();
            return ids.Count < 2 ? null : $"/compare?ids={string.Join(",", ids)}";
        }
    }

    private async Task OnLiveAsync(LiveRunBatch _)
    {
        await ReadAsync();
        StateHasChanged();
    }

    private async Task CancelAsync()
    {
        _cancelling = true;
        try
        {
            var outcome = await Canceller.CancelAsync(await Authentication.GetCallerAsync(), Id, CancellationToken.None);
            if (outcome == CancelOutcome.Forbidden)
            {
                Snackbar.Add("You may cancel only the studies you queued.", Severity.Error);
            }

            await ReadAsync();
        }
        finally
        {
            _cancelling = false;
        }
    }

    private async Task RetryAsync(Guid runId)
    {
        var (outcome, newRunId) = await Retrier.RetryAsync(await Authentication.GetCallerAsync(), Id, runId, CancellationToken.None);
        if (newRunId is { } added)
        {
            // Follow the new run before reading, as on first load, so none of its changes falls between the two.
            _feed?.Follow([.. _results.Select(r => r.RunId == runId ? added : r.RunId)]);
        }
        else
        {
            Snackbar.Add(outcome switch
            {
                RetryOutcome.Forbidden => "You may retry only the runs of studies you queued.",
                RetryOutcome.StudyCancelled => "The study was cancelled; its runs are not run again.",
                _ => "That run has not failed (or is no longer in this study).",
            }, Severity.Warning);
        }

        await ReadAsync();
        if (newRunId is not null)
        {
            _feed?.HistoryLoaded();
        }
    }

    public void Dispose() => _feed?.Dispose();
}
