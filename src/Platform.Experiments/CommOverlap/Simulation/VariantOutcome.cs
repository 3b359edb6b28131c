namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>
/// One variant on one cell. Times in seconds, traffic in DRAM bytes. <see cref="GemmStandalone"/> is the GEMM alone
/// with this variant's decomposition, so <see cref="GemmSlowdown"/> is what sharing CUs and DRAM cost it.
/// <see cref="FellBackToSeq"/>: software overlap lost to the baseline here, so a tuned library would not fuse.
/// </summary>
public sealed record VariantOutcome(
    double Time,
    double GemmTime,
    double GemmStandalone,
    double GemmBytes,
    double ReduceScatterBytes,
    double AllGatherBytes,
    bool FellBackToSeq = false,
    OverlapTrace? Trace = null)
{
    public double GemmSlowdown => (GemmTime / GemmStandalone) - 1;

    /// <summary>Bytes of the fused GEMM + reduce-scatter, the part T3 changes; the all-gather is the same in every variant.</summary>
    public double DataMovement => GemmBytes + ReduceScatterBytes;
}
