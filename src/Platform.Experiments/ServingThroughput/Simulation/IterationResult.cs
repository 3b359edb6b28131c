namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// One engine's steady-state iteration: per-layer time, whole-iteration time (layers, lm_head, host overhead), tokens/s
/// per GPU and its share of the optimum. <see cref="Trace"/> is the multi-layer simulation kept for figures.
/// </summary>
public sealed record IterationResult(
    PipelineShape Shape,
    double LayerUs,
    double IterationUs,
    double TokensPerSecondPerGpu,
    double ShareOfOptimum,
    SimulationTrace Trace);
