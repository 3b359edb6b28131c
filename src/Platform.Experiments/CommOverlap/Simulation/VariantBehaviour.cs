namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>
/// How one overlapped variant differs from the others in the fluid model.
/// </summary>
/// <param name="GemmTimeScale">Stretch of the GEMM's compute time (software decomposition into sub-GEMMs).</param>
/// <param name="BlocksPerChunk">Pipeline granularity: a transfer can start when this share of a chunk is done.</param>
/// <param name="TransferLatency">Delay from a region being ready to its transfer starting (kernel step vs. DMA trigger).</param>
/// <param name="DramOccupancyPerByte">DRAM time per byte on the link, counting both ends by ring symmetry; near-memory updates weigh more than plain accesses.</param>
/// <param name="DramAccessesPerByte">DRAM bytes moved per byte on the link, for the data-movement count.</param>
/// <param name="CuSteal">Share of the CUs a communication or reduction kernel takes while data moves.</param>
/// <param name="StartsAfterGemm">The collective waits for the whole GEMM: the serialized baseline.</param>
public sealed record VariantBehaviour(
    double GemmTimeScale,
    int BlocksPerChunk,
    double TransferLatency,
    double DramOccupancyPerByte,
    double DramAccessesPerByte,
    double CuSteal,
    ArbitrationPolicy Policy,
    double Floor,
    bool StartsAfterGemm = false)
{
    public static VariantBehaviour For(Variant variant, SimulationSettings s) => variant switch
    {
        // The whole GEMM, then one kernel-launched ring step per chunk, bound by the link or by the reduction's DRAM traffic.
        Variant.Seq => new(1, 1, s.StepLatency, s.BaselineAccesses, s.BaselineAccesses, s.CommCuShare, ArbitrationPolicy.FairShare, 0,
            StartsAfterGemm: true),

        // A CU kernel per chunk, fired after each sub-GEMM: coarse, launch-bound, and it takes CUs and bandwidth.
        Variant.SwOverlap => new(1 + s.DecompositionLoss, 1, s.StepLatency, s.BaselineAccesses, s.BaselineAccesses,
            s.CommCuShare, ArbitrationPolicy.FairShare, 0),

        // Tracker-triggered DMA moves the data, but the reduction is still a CU kernel reading and writing DRAM.
        Variant.T3Nonmc => new(1, s.TrackerBlocks, s.TriggerLatency, s.BaselineAccesses - 1, s.BaselineAccesses - 1,
            s.CommCuShare, ArbitrationPolicy.FairShare, 0),

        Variant.T3 => T3(s, ArbitrationPolicy.FairShare, 0),
        Variant.T3Mca => T3(s, s.McaPolicy, s.McaFloor),
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "The ideal overlap is closed-form; it does not run in the fluid model."),
    };

    // One near-memory update per incoming element (weighted by its bank cost) and plain accesses for the rest.
    private static VariantBehaviour T3(SimulationSettings s, ArbitrationPolicy policy, double floor) =>
        new(1, s.TrackerBlocks, s.TriggerLatency, s.NmcUpdateCost + (s.T3Accesses - 1), s.T3Accesses, 0, policy, floor);
}
