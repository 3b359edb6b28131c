namespace Platform.Core.Studies;

/// <summary>
/// A set of runs of one family: a base (preset and/or parameters), a sweep over some of its fields and a number of
/// seeds per point. The study's state is not stored: it follows from its runs (<see cref="StudyStates"/>).
/// </summary>
public sealed class Study
{
    public required Guid Id { get; init; }

    public required string Kind { get; init; }

    /// <summary>The preset the base started from, if any.</summary>
    public string? Preset { get; init; }

    /// <summary>The base parameters as submitted (before the preset was laid under them), as JSON.</summary>
    public string? BaseParameters { get; init; }

    /// <summary>The sweep as submitted, as JSON; null for a study of one point (e.g. a headline reproduction).</summary>
    public string? Sweep { get; init; }

    /// <summary>The swept values of each point, in expansion order, as a JSON array of objects.</summary>
    public required string Points { get; init; }

    /// <summary>Runs per point; each replicate uses the same derived seed at every point.</summary>
    public required int Seeds { get; init; }

    /// <summary>The seed every run's seed (and a sampled sweep's points) is derived from.</summary>
    public required long StudySeed { get; init; }

    public required int RunCount { get; init; }

    public string? Owner { get; init; }

    public string? IdempotencyKey { get; init; }

    public string? IdempotencyFingerprint { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set once the study is cancelled: its state is then Cancelled when its runs are all finished.</summary>
    public DateTimeOffset? CancelledAt { get; init; }
}
