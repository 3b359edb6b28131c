namespace Platform.Core.Runs;

/// <summary>
/// One queued experiment run. State changes happen in <see cref="RunQueue"/> with conditional SQL, because
/// several processes race for the same row; the entity is read-only to the rest of the application.
/// </summary>
public sealed class Run
{
    public required Guid Id { get; init; }

    public required string Kind { get; init; }

    /// <summary>The effective parameters (defaults filled in) as JSON.</summary>
    public required string Parameters { get; init; }

    public required long Seed { get; init; }

    public RunState State { get; private set; }

    public int Priority { get; init; }

    public int Attempt { get; private set; }

    public int MaxAttempts { get; init; } = 3;

    public DateTimeOffset NotBefore { get; init; }

    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    public bool CancelRequested { get; private set; }

    public string? IdempotencyKey { get; init; }

    /// <summary>A hash of what was submitted with <see cref="IdempotencyKey"/>: the same key with other content is refused.</summary>
    public string? IdempotencyFingerprint { get; init; }

    /// <summary>When <see cref="IdempotencyKey"/> stops naming this run; a later submission with it makes a new run.</summary>
    public DateTimeOffset? IdempotencyExpiresAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? Error { get; private set; }

    public Guid? StudyId { get; init; }

    public List<string> Tags { get; init; } = [];

    /// <summary>Who submitted it (<c>key:&lt;lookup&gt;</c> or <c>user:&lt;name&gt;</c>); null in local mode.</summary>
    public string? Owner { get; init; }

    /// <summary>The run's summary JSON, set with <see cref="RunState.Succeeded"/>.</summary>
    public string? Summary { get; private set; }

    /// <summary>Versions, machine and configuration hash of the last attempt, as JSON.</summary>
    public string? Environment { get; private set; }

    public double Progress { get; private set; }

    public string? ProgressMessage { get; private set; }

    /// <summary>A human name for lists; null shows the family and preset (<see cref="RunLabels"/> sets it).</summary>
    public string? Name { get; private set; }

    /// <summary>What the researcher wants to remember about the run.</summary>
    public string? Note { get; private set; }
}
