using Platform.Experiments.ServingThroughput.Reporting;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Running;

/// <summary>One simulated engine's steady-state iteration and, for the search, how many candidates it simulated.</summary>
internal sealed record EngineOutcome(EngineKind Engine, IterationResult Result, int SearchCandidates = 0, double SearchSeconds = 0)
{
    public string Name => EngineNames.Of(Engine);
}
