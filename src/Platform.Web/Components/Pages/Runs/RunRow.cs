using Platform.Core.Events;
using Platform.Core.Jobs;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>
/// One row of the runs grid. Mutable so that live state and progress patch the row in place instead of
/// reloading the page; property names double as the grid's sort keys (see <see cref="RunsSort"/>).
/// </summary>
public sealed class RunRow(JobDto job)
{
    public Guid Id { get; } = job.Id;

    /// <summary>The random tail of the id: UUIDv7 ids share their leading (time) digits with runs created alongside.</summary>
    public string ShortId => Id.ToString("N")[^8..];

    public string Kind { get; } = job.Kind;

    public JobState State { get; private set; } = job.State;

    public double Progress { get; private set; } = job.Progress;

    public string? ProgressMessage { get; private set; } = job.ProgressMessage;

    public IReadOnlyList<string> Tags { get; } = job.Tags;

    public long Seed { get; } = job.Seed;

    public DateTimeOffset CreatedAt { get; } = job.CreatedAt;

    public DateTimeOffset? StartedAt { get; } = job.StartedAt;

    public DateTimeOffset? FinishedAt { get; } = job.FinishedAt;

    public int Attempt { get; } = job.Attempt;

    public int MaxAttempts { get; } = job.MaxAttempts;

    public string? Error { get; } = job.Error;

    public bool CancelRequested { get; } = job.CancelRequested;

    /// <summary>Time from start to finish, or to now while the run lasts; null until it starts.</summary>
    public TimeSpan? Duration => StartedAt is { } started ? (FinishedAt ?? DateTimeOffset.UtcNow) - started : null;

    public void Apply(JobStateChanged change)
    {
        State = change.State;
        if (change.State is JobState.Running or JobState.Succeeded)
        {
            Progress = change.Progress;
        }

        ProgressMessage = change.Message ?? ProgressMessage;
    }

    /// <summary>Rows are the same run when their ids match, so a selection survives reloads and paging.</summary>
    public static IEqualityComparer<RunRow> ById { get; } = EqualityComparer<RunRow>.Create((a, b) => a?.Id == b?.Id, r => r.Id.GetHashCode());
}
