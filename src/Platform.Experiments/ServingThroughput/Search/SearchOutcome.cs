using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Search;

/// <summary>The best pipeline found, how many candidates were simulated, and how long the search took.</summary>
public sealed record SearchOutcome(IterationResult Best, int Candidates, int StructuresTried, TimeSpan Elapsed);
