namespace Platform.Core.Studies;

/// <summary>
/// A validated study: every run's parameters are already bound by the family and serialised, so storing it cannot
/// fail on content. <see cref="Points"/> is the JSON array of each point's swept values.
/// </summary>
public sealed record NewStudy(
    string Kind,
    string? Preset,
    string? BaseParameters,
    string? Sweep,
    string Points,
    int Seeds,
    long StudySeed,
    IReadOnlyList<NewStudyRun> Runs,
    IReadOnlyList<string> Tags,
    int MaxAttempts,
    string? Owner = null,
    string? IdempotencyKey = null,
    string? IdempotencyFingerprint = null);

/// <summary>
/// One run of a study: its effective parameters as JSON, its derived seed, its place in the study, and the datasets
/// its point reads (recorded with the run, as for a single run).
/// </summary>
public sealed record NewStudyRun(string Parameters, long Seed, int Point, int Replicate, IReadOnlyList<Datasets.RunDatasetUse>? Datasets = null);
