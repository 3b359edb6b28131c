using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Runs;

/// <summary>One simulated engine's steady-state iteration and, for the search, how many candidates it simulated.</summary>
internal sealed record EngineOutcome(EngineKind Engine, IterationResult Result, int SearchCandidates = 0, double SearchSeconds = 0)
{
    public string Name => EngineNames.Of(Engine);
}
