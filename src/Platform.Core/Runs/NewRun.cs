namespace Platform.Core.Runs;

/// <summary>A validated submission: the parameters are already the family's effective parameters as JSON.</summary>
public sealed record NewRun(
    string Kind,
    string Parameters,
    long Seed,
    IReadOnlyList<string> Tags,
    string? IdempotencyKey = null,
    int Priority = 0,
    int MaxAttempts = 3,
    Guid? StudyId = null,
    string? Owner = null,
    string? IdempotencyFingerprint = null,
    DateTimeOffset? SubmittedAt = null);
