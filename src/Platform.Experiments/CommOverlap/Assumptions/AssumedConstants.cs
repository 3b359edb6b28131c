using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract.Evidence;

namespace Platform.Experiments.CommOverlap.Assumptions;

/// <summary>
/// Every constant of the simulation that the run neither measures nor takes from the paper, with the range a reviewer
/// would find plausible and why. Names are the parameters' names, so a reader finds the knob. The paper's simulated GPU
/// and its tracker and arbitration details are not known to us, hence the hardware figures are assumptions too.
/// </summary>
internal static class AssumedConstants
{
    public const string LinkGbps = "linkGbps";
    public const string HbmTbps = "hbmTbps";
    public const string GemmEfficiency = "gemmEfficiency";
    public const string StepLatencyUs = "stepLatencyUs";
    public const string TriggerLatencyUs = "triggerLatencyUs";
    public const string TrackerBlocks = "trackerBlocks";
    public const string GemmTile = "gemmTile";
    public const string L2Reuse = "l2Reuse";
    public const string BaselineAccesses = "baselineAccesses";
    public const string T3Accesses = "t3Accesses";
    public const string NmcUpdateCost = "nmcUpdateCost";
    public const string CommCuShare = "commCuShare";
    public const string DecompositionLoss = "decompositionLoss";
    public const string InterleavePenalty = "interleavePenalty";
    public const string McaFloor = "mcaFloor";
    public const string Tokens = "tokens";
    public const string GemmBurstiness = "gemmBurstiness";

    /// <param name="burstinessFitted">The burstiness is the calibrated constant, so it is not an assumption.</param>
    public static IReadOnlyList<Assumption> Declare(CommOverlapParameters p, SimulationSettings s, bool burstinessFitted)
    {
        var gpu = s.Gpu;
        var list = new List<Assumption>
        {
            Declare(LinkGbps, gpu.LinkGbps, 75, 300, "GB/s",
                "Per-neighbour ring bandwidth, one direction, of the paper's GPU (not known to us): 75 is one AMD MI210 Infinity Fabric " +
                "link (100 GB/s peak) at 75% efficiency, 150 NVIDIA V100 NVLink2 (6 links x 25 GB/s), 300 A100 NVLink3 (12 x 25 GB/s)."),
            Declare(HbmTbps, gpu.HbmTbps, 1.2, 2.0, "TB/s",
                "HBM bandwidth of the paper's GPU: AMD MI100 HBM2 1.23 TB/s, MI210 HBM2e 1.6 TB/s, NVIDIA A100 80 GB HBM2e 2.0 TB/s."),
            Declare(GemmEfficiency, gpu.GemmEfficiency, 0.6, 0.9, "of peak",
                "Share of the matrix FP16 peak a large tensor-parallel GEMM sustains; vendor BLAS reaches roughly 60-90% on large FP16 GEMMs."),
            Declare(StepLatencyUs, p.StepLatencyUs, 2, 10, "µs",
                "Launch and flag synchronisation of one kernel-driven ring step: a kernel launch costs a few µs and RCCL/NCCL ring steps several."),
            Declare(TriggerLatencyUs, p.TriggerLatencyUs, 0.2, 2, "µs",
                "Tracker to DMA start is a hardware event, no kernel launch: a DMA engine fetching a pre-programmed descriptor, sub-µs to ~2 µs."),
            Declare(TrackerBlocks, p.TrackerBlocks, 1, 8, "blocks per chunk",
                "Tracked regions per ring chunk (the paper's tracker sizing is not known to us): 1 tracks whole chunks, 8 pipelines finer with 8x the entries."),
            Declare(GemmTile, p.GemmTile, 128, 256, "elements",
                "Output tile edge of the GEMM kernel, which sets how often inputs are re-read: 128 and 256 macro-tiles are typical of rocBLAS and CUTLASS FP16 kernels."),
            Declare(L2Reuse, p.L2Reuse, 0.8, 0.95, "of re-reads",
                "Share of the GEMM's input re-reads the L2 serves (8 MB on MI210, 40 MB on A100); not measured for these shapes."),
            Declare(BaselineAccesses, p.BaselineAccesses, 3, 5, "per element per step",
                "A CU-driven (RCCL-style) reduce-scatter step writes the incoming chunk, reads it, reads the local contribution, writes the sum, " +
                "and may read it again to forward it: 3 to 5 DRAM accesses."),
            Declare(T3Accesses, p.T3Accesses, 1.5, 2.5, "per element per step",
                "T3 with near-memory reduction: one in-memory update per incoming element and one DMA read to forward it make 2; the paper's " +
                "exact DRAM accounting is not known to us, so ±0.5."),
            Declare(NmcUpdateCost, p.NmcUpdateCost, 1, 2, "x a plain access",
                "DRAM occupancy of one near-memory update (a read-modify-write inside the bank): 1 if fully pipelined, 2 if it costs a read and a write."),
            Declare(CommCuShare, p.CommCuShare, 0.04, 0.16, "of the CUs",
                "CUs a CU-driven collective kernel takes: RCCL/NCCL run one workgroup per channel, 4-16 channels on 104-120 CUs (MI210 has 104)."),
            Declare(DecompositionLoss, p.DecompositionLoss, 0, 0.15, "of GEMM efficiency",
                "Efficiency a GEMM loses when split into one sub-GEMM per chunk for software overlap (smaller launches, tail waves); not measured, 0-15%."),
            Declare(InterleavePenalty, p.InterleavePenalty, 0.05, 0.3, "of DRAM bandwidth",
                "Bandwidth lost when fair-share arbitration interleaves the GEMM's and the collective's requests (row-buffer conflicts, " +
                "read/write turnarounds); not measured, 5-30%."),
            Declare(McaFloor, p.McaFloor, 0.1, 0.4, "of DRAM bandwidth",
                "Share of DRAM bandwidth T3's memory-controller arbitration keeps for the collective while it favours the GEMM; the policy's " +
                "parameters are not known to us: 10% nearly starves the collective, 40% is generous."),
            Declare(Tokens, p.Tokens, 4096, 16384, "tokens",
                "Tokens per micro-batch (batch x sequence length), not known from the paper: 2048-token sequences in micro-batches of 2 to 8."),
        };
        if (!burstinessFitted)
        {
            list.Add(Declare(GemmBurstiness, s.GemmBurstiness, 2, 8, "x average",
                "Peak-to-average DRAM demand of a GEMM, whose tiles load operands in bursts between compute phases; not measured, 2-8."));
        }

        return list;
    }

    // A run may set a knob outside the plausible range; the range then stretches to hold the value the run used.
    private static Assumption Declare(string name, double value, double low, double high, string unit, string why) =>
        Assumption.Declare(name, value, Math.Min(low, value), Math.Max(high, value), unit, why);
}
