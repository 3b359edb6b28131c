using Platform.Core.Runs;

namespace Platform.Core.Studies;

/// <summary>What aggregation needs of one run of a study: its place, its state and its stored summary JSON.</summary>
public sealed record StudyRunResult(Guid RunId, int Point, int Replicate, long Seed, RunState State, string? Summary, DateTimeOffset? FinishedAt);
