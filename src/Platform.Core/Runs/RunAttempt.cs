namespace Platform.Core.Runs;

/// <summary>One claim of a run by a worker and how it ended; a run's attempts are its history.</summary>
public sealed class RunAttempt
{
    public long Id { get; init; }

    public required Guid RunId { get; init; }

    public required int Attempt { get; init; }

    public required string Worker { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>A terminal state, or <c>Interrupted</c> (handed back on shutdown), <c>Fault</c> (retried) or <c>LeaseExpired</c>.</summary>
    public string? Outcome { get; init; }

    public string? Error { get; init; }
}
