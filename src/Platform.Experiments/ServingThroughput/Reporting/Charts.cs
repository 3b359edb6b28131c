using Platform.Experiments.Contract;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Reporting;

/// <summary>Chart panels of the run page, by metric group (see <see cref="ServingThroughputMetrics"/>).</summary>
internal static class Charts
{
    public static IReadOnlyList<ChartPanel> Panels { get; } =
    [
        new(ServingThroughputMetrics.ResourceMsGroup, "Cost model: iteration time per resource", "dense batch (tokens)", "ms", LogY: true),
        new(ServingThroughputMetrics.BoundGroup, "Cost model: throughput bound", "dense batch (tokens)", "tokens/s/GPU"),
        // One result per engine at the run's dense batch: bars, not points over a one-value axis.
        new(ServingThroughputMetrics.EngineThroughputGroup, "Simulated engines at the run's dense batch", "engine", "tokens/s/GPU") { Categorical = true },
        new("search", "Pipeline search: best so far", "candidate", "tokens/s/GPU"),
        new(ServingThroughputMetrics.SweepShareGroup, "Share of optimum vs dense batch", "dense batch (tokens)", "% of optimum"),
        .. Enum.GetValues<EngineKind>().Select(engine => new ChartPanel(
            ServingThroughputMetrics.UtilisationPrefix + EngineNames.Of(engine),
            $"Utilisation over 4 layers: {EngineNames.Of(engine)}", "time (µs)", "% of peak")),
        new(ServingThroughputMetrics.CpuThroughputGroup, "CPU: tokens/s per schedule", "repetition", "tokens/s"),
        new("cpu-gemm", "CPU: GEMM efficiency curve", "rows M (tokens)", "GFLOP/s"),
        new(ServingThroughputMetrics.CpuOpMsGroup, "CPU: time per operation class (sequential)", "iteration", "ms"),
        new(ServingThroughputMetrics.CpuBatchGroup, "CPU: batch composition", "iteration", "tokens"),
    ];
}
