namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>
/// Simulates all variants of one cell: the serialized baseline and the ideal overlap in closed form, the
/// overlapped variants with <see cref="FluidOverlapSimulator"/>. The all-gather is not fused by any variant, so
/// when it is counted every variant pays the same serial ring all-gather.
/// </summary>
public static class CellSimulator
{
    public static CellResult Simulate(TransformerModel model, Sublayer sublayer, CellShape shape, SimulationSettings s)
    {
        var gpu = s.Gpu;
        var n = shape.Tp;
        var chunk = shape.ChunkBytes;
        var gemmAlone = GemmAlone(shape, gpu, 1);
        var allGather = s.AllGather == AllGatherHandling.Serial
            ? RingCollective.AllGatherSteps(n) * (s.StepLatency + (chunk / gpu.LinkBytesPerSecond))
            : 0;

        // Each all-gather step writes the incoming chunk and reads it to forward it.
        var agBytes = s.AllGather == AllGatherHandling.Serial ? 2 * RingCollective.AllGatherBytesPerDevice(shape.MessageBytes, n) : 0;
        var rsLinkBytes = RingCollective.ReduceScatterBytesPerDevice(shape.MessageBytes, n);

        // Alone, a baseline step is bound by the link or by the reduction kernel's DRAM traffic, whichever is slower.
        var seqStepRate = Math.Min(gpu.LinkBytesPerSecond, gpu.HbmBytesPerSecond / s.BaselineAccesses);
        var seqRs = RingCollective.ReduceScatterSteps(n) * (s.StepLatency + (chunk / seqStepRate));
        var seq = new VariantOutcome(gemmAlone + seqRs + allGather, gemmAlone, gemmAlone, shape.GemmBytes,
            s.BaselineAccesses * rsLinkBytes, agBytes);

        var outcomes = new Dictionary<Variant, VariantOutcome> { [Variant.Seq] = seq };
        foreach (var variant in (Variant[])[Variant.SwOverlap, Variant.T3Nonmc, Variant.T3, Variant.T3Mca])
        {
            var behaviour = VariantBehaviour.For(variant, s);
            var trace = FluidOverlapSimulator.Run(shape, behaviour, s);
            var outcome = new VariantOutcome(trace.ReduceScatterEnd + allGather, trace.GemmEnd,
                GemmAlone(shape, gpu, behaviour.GemmTimeScale), shape.GemmBytes, behaviour.DramAccessesPerByte * rsLinkBytes, agBytes,
                Trace: trace);
            outcomes[variant] = variant == Variant.SwOverlap && outcome.Time > seq.Time
                ? seq with { FellBackToSeq = true, Trace = trace }
                : outcome;
        }

        // No contention, no latency, infinitely fine pipeline: the slower of the GEMM and the link alone.
        var idealRs = Math.Max(gemmAlone, rsLinkBytes / gpu.LinkBytesPerSecond);
        outcomes[Variant.Ideal] = outcomes[Variant.T3] with { Time = idealRs + allGather, GemmTime = gemmAlone, GemmStandalone = gemmAlone, Trace = null };
        return new CellResult(model, sublayer, n, shape, outcomes);
    }

    /// <summary>The GEMM alone on the GPU: compute- or memory-bound, whichever is slower.</summary>
    public static double GemmAlone(CellShape shape, Hardware.GpuSpec gpu, double computeScale) =>
        Math.Max(shape.Flops / gpu.EffectiveFlops * computeScale, shape.GemmBytes / gpu.HbmBytesPerSecond);
}
