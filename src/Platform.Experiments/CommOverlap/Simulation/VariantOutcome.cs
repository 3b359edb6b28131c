namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>
/// One variant on one cell. Times in seconds, traffic in DRAM bytes as the simulation moved them (the ideal overlap
/// reports T3's). <see cref="GemmStandalone"/> is the GEMM alone with this variant's decomposition, so
/// <see cref="GemmSlowdown"/> is what sharing CUs and DRAM cost it. A software overlap that loses to the baseline
/// is reported as it is: contention can make it slower than running serially.
/// </summary>
public sealed record VariantOutcome(
    double Time,
    double GemmTime,
    double GemmStandalone,
    double GemmBytes,
    double ReduceScatterBytes,
    double AllGatherBytes,
    OverlapTrace? Trace = null)
{
    public double GemmSlowdown => (GemmTime / GemmStandalone) - 1;

    /// <summary>Bytes of the fused GEMM + reduce-scatter, the part T3 changes; the all-gather is the same in every variant.</summary>
    public double DataMovement => GemmBytes + ReduceScatterBytes;
}
