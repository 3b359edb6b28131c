namespace Platform.Experiments.ServingThroughput.Simulation;

public static class OpClassExtensions
{
    /// <summary>
    /// Whether the class runs on the compute unit's share of SMs. Compute-class ops split what the memory and network
    /// ops leave; memory and network ops hold the fixed share they were launched with.
    /// </summary>
    public static bool UsesComputeShare(this OpClass opClass) =>
        opClass is OpClass.Gemm or OpClass.PrefillAttention or OpClass.Other;

    /// <summary>The Gantt lane (execution unit) an operation class occupies.</summary>
    public static string Unit(this OpClass opClass) => opClass switch
    {
        OpClass.DecodeAttention => "memory (decode attention)",
        OpClass.Network => "network (collectives)",
        _ => "compute (GEMM, norms)",
    };

    public static string Label(this OpClass opClass) => opClass switch
    {
        OpClass.Gemm => "GEMM",
        OpClass.DecodeAttention => "decode attention",
        OpClass.PrefillAttention => "prefill attention",
        OpClass.Network => "collective",
        _ => "other",
    };
}
