namespace Platform.Experiments.ServingThroughput.Search;

/// <summary>How much the pipeline search may spend: simulated candidates and wall time, whichever runs out first.</summary>
public sealed record SearchBudget(int MaxCandidates, TimeSpan MaxTime);
