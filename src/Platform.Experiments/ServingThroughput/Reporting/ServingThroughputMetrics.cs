namespace Platform.Experiments.ServingThroughput.Reporting;

/// <summary>
/// Metric keys. Keys <c>group/series</c> share the panel of their group (see <see cref="Contract.ChartPanel"/>).
/// </summary>
public static class ServingThroughputMetrics
{
    /// <summary>Cost model: time of one iteration on a resource, ms; step = dense batch (tokens).</summary>
    public const string ResourceMsGroup = "resource-ms";

    /// <summary>Cost model: throughput bound by the slowest resource, tokens/s/GPU; step = dense batch.</summary>
    public const string BoundGroup = "bound-throughput";

    /// <summary>Simulation: tokens/s/GPU of an engine; step = dense batch.</summary>
    public const string EngineThroughputGroup = "engine-throughput";

    /// <summary>Simulation sweep: an engine's share of the optimum, %; step = dense batch.</summary>
    public const string SweepShareGroup = "sweep-share";

    /// <summary>Search: best tokens/s/GPU so far; step = candidate index.</summary>
    public const string SearchBest = "search/best-tokens-per-s";

    /// <summary>Simulation: fraction of peak in use over one multi-layer window, %; step = µs. Group per engine.</summary>
    public const string UtilisationPrefix = "utilisation-";

    /// <summary>CPU: tokens/s of a schedule in one repetition; step = repetition.</summary>
    public const string CpuThroughputGroup = "cpu-tokens-per-s";

    /// <summary>CPU: GEMM GFLOP/s at M rows (the eta(M) curve of this CPU); step = M.</summary>
    public const string CpuGemm = "cpu-gemm/gflops";

    /// <summary>CPU: time of an operation class in one iteration of the sequential schedule, ms; step = iteration.</summary>
    public const string CpuOpMsGroup = "cpu-op-ms";

    /// <summary>CPU: tokens of each kind in one iteration; step = iteration.</summary>
    public const string CpuBatchGroup = "cpu-batch";

    public static string Key(string group, string series) => $"{group}/{series}";
}
