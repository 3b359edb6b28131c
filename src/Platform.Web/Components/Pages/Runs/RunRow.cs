using Platform.Core.Events;
using Platform.Core.Runs;
using Platform.Web.Components.Shared.Evidence;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>
/// One row of the runs grid. Mutable so that live state and progress patch the row in place instead of
/// reloading the page; property names double as the grid's sort keys (see <see cref="RunsSort"/>).
/// </summary>
public sealed class RunRow(RunDto run, TimeProvider time)
{
    private readonly SummaryView? _summary = SummaryView.TryRead(run.Summary);

    public Guid Id { get; } = run.Id;

    /// <summary>The random tail of the id: UUIDv7 ids share their leading (time) digits with runs created alongside.</summary>
    public string ShortId => Id.ToString("N")[^8..];

    public string Kind { get; } = run.Kind;

    /// <summary>The name the researcher gave it, else the family and the preset it was queued from.</summary>
    public string Name { get; private set; } = RunName.Of(run);

    /// <summary>Whether <see cref="Name"/> was given (not derived), so the rename dialog starts from it.</summary>
    public string? GivenName { get; private set; } = run.Name;

    public string? Note { get; private set; } = run.Note;

    public RunState State { get; private set; } = run.State;

    public double Progress { get; private set; } = run.Progress;

    public string? ProgressMessage { get; private set; } = run.ProgressMessage;

    public IReadOnlyList<string> Tags { get; } = run.Tags;

    public long Seed { get; } = run.Seed;

    public DateTimeOffset CreatedAt { get; } = run.CreatedAt;

    public DateTimeOffset? StartedAt { get; } = run.StartedAt;

    public DateTimeOffset? FinishedAt { get; } = run.FinishedAt;

    public int Attempt { get; private set; } = run.Attempt;

    public int MaxAttempts { get; } = run.MaxAttempts;

    public string? Error { get; } = run.Error;

    public bool CancelRequested { get; } = run.CancelRequested;

    /// <summary>The headline metrics of its summary (none before it has one), for the columns a researcher adds.</summary>
    public IReadOnlyDictionary<string, double> Metrics => _summary?.Metrics ?? new Dictionary<string, double>();

    /// <summary>"3 of 5" predicted claims supported, or null when the run judged none.</summary>
    public string? Verdicts => _summary?.Claims is { Count: > 0 } claims && VerdictTally.Of(claims) is { Predicted: > 0 } tally
        ? $"{tally.Supported} of {tally.Predicted}" : null;

    /// <summary>Time from start to finish, or to now while the run lasts; null until it starts.</summary>
    public TimeSpan? Duration => StartedAt is { } started ? (FinishedAt ?? time.GetUtcNow()) - started : null;

    public void Apply(RunStateChanged change)
    {
        Attempt = LiveAttempt.After(State, Attempt, change.State);
        State = change.State;
        if (change.State == RunState.Succeeded)
        {
            Progress = 1;
        }

        ProgressMessage = change.Message ?? ProgressMessage;
    }

    /// <summary>After a rename: the row shows the new words without reloading the page.</summary>
    public void Apply(RunDto labelled)
    {
        (Name, GivenName, Note) = (RunName.Of(labelled), labelled.Name, labelled.Note);
    }

    public void Apply(RunProgressed progress)
    {
        Progress = progress.Progress;
        ProgressMessage = progress.Message ?? ProgressMessage;
    }

    /// <summary>Rows are the same run when their ids match, so a selection survives reloads and paging.</summary>
    public static IEqualityComparer<RunRow> ById { get; } = EqualityComparer<RunRow>.Create((a, b) => a?.Id == b?.Id, r => r.Id.GetHashCode());
}
