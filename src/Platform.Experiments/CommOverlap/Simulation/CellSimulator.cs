namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>
/// Simulates all variants of one cell: the serialized baseline and the overlapped variants with
/// <see cref="FluidOverlapSimulator"/> (so every variant's time and DRAM traffic comes from the same event loop),
/// the ideal overlap in closed form. The all-gather is not fused by any variant, so when it is counted every variant
/// pays the same serial ring all-gather.
/// </summary>
public static class CellSimulator
{
    /// <summary>The variants that run in the fluid model, the baseline first.</summary>
    public static readonly Variant[] Simulated = [Variant.Seq, Variant.SwOverlap, Variant.T3Nonmc, Variant.T3, Variant.T3Mca];

    public static CellResult Simulate(TransformerModel model, Sublayer sublayer, CellShape shape, SimulationSettings s)
    {
        var gpu = s.Gpu;
        var allGather = AllGatherTime(shape, s);

        // Each all-gather step writes the incoming chunk and reads it to forward it; no variant changes this traffic.
        var agBytes = s.AllGather == AllGatherHandling.Serial ? 2 * RingCollective.AllGatherBytesPerDevice(shape.MessageBytes, shape.Tp) : 0;

        var outcomes = new Dictionary<Variant, VariantOutcome>();
        foreach (var variant in Simulated)
        {
            var behaviour = VariantBehaviour.For(variant, s);
            var trace = FluidOverlapSimulator.Run(shape, behaviour, s);
            outcomes[variant] = new VariantOutcome(trace.ReduceScatterEnd + allGather, trace.GemmEnd,
                GemmAlone(shape, gpu, behaviour.GemmTimeScale), trace.GemmDramBytes, trace.CollectiveDramBytes, agBytes, trace);
        }

        // No contention, no latency, infinitely fine pipeline: the slower of the GEMM and the link alone.
        var gemmAlone = GemmAlone(shape, gpu, 1);
        var idealRs = Math.Max(gemmAlone, RingCollective.ReduceScatterBytesPerDevice(shape.MessageBytes, shape.Tp) / gpu.LinkBytesPerSecond);
        outcomes[Variant.Ideal] = outcomes[Variant.T3] with { Time = idealRs + allGather, GemmTime = gemmAlone, GemmStandalone = gemmAlone, Trace = null };
        return new CellResult(model, sublayer, shape.Tp, shape, outcomes);
    }

    /// <summary>One fluid-model variant's time on the cell, all-gather included (what a fit needs, without the rest).</summary>
    public static double Time(Variant variant, CellShape shape, SimulationSettings s) =>
        FluidOverlapSimulator.Run(shape, VariantBehaviour.For(variant, s), s).ReduceScatterEnd + AllGatherTime(shape, s);

    /// <summary>The GEMM alone on the GPU: compute- or memory-bound, whichever is slower.</summary>
    public static double GemmAlone(CellShape shape, Hardware.GpuSpec gpu, double computeScale) =>
        Math.Max(shape.Flops / gpu.EffectiveFlops * computeScale, shape.GemmBytes / gpu.HbmBytesPerSecond);

    private static double AllGatherTime(CellShape shape, SimulationSettings s) =>
        s.AllGather == AllGatherHandling.Serial
            ? RingCollective.AllGatherSteps(shape.Tp) * (s.StepLatency + (shape.ChunkBytes / s.Gpu.LinkBytesPerSecond))
            : 0;
}
