using Platform.Experiments.CommOverlap.CpuReal;
using Platform.Experiments.CommOverlap.Reporting;
using Platform.Experiments.Contract;
using Platform.Experiments.Torch;
using TorchSharp;

namespace Platform.Experiments.CommOverlap.Running;

/// <summary>
/// The cpu-real mode: times GEMM-then-ring against track-and-trigger on real threads and checks both give the
/// same reduced chunks. Measured numbers only; the claims are marked not comparable because a CPU has neither
/// the GPU's balance of compute and link nor near-memory reduction.
/// </summary>
internal static class CpuRealRun
{
    public static async Task<RunSummary> RunAsync(CommOverlapParameters p, IRunContext context, CancellationToken ct)
    {
        TorchRuntime.StartRun(1, context.Seed);
        await context.LogLineAsync($"cpu-real: {p.CpuRanks} ranks, GEMM [{p.CpuTokens} x {4 * p.CpuHidden / p.CpuRanks}] by [{4 * p.CpuHidden / p.CpuRanks} x {p.CpuHidden}] per rank, " +
            $"one thread each plus one copy thread each, on {Environment.ProcessorCount} logical cores (the worker grants this run {context.Threads}); " +
            "ranks share cores and memory, so contention is real but cores are not disjoint. There is no near-memory reduction on a CPU: adds run on cores.", ct);
        using var ring = new CpuRing(p.CpuRanks, p.CpuTokens, p.CpuHidden);
        var best = (Seq: double.PositiveInfinity, Fused: double.PositiveInfinity, SeqChunk: double.PositiveInfinity, FusedChunk: double.PositiveInfinity);
        var maxDifference = 0.0;
        long bytes = 0;
        for (var repeat = 0; repeat < p.CpuRepeats; repeat++)
        {
            ct.ThrowIfCancellationRequested();
            using var seq = await SequentialSchedule.RunAsync(ring, ct);
            using var fused = await FusedSchedule.RunAsync(ring, ct);
            maxDifference = Math.Max(maxDifference, MaxAbsDifference(seq, fused));
            bytes = fused.BytesCopied;
            best = (Math.Min(best.Seq, seq.WallMs), Math.Min(best.Fused, fused.WallMs), Math.Min(best.SeqChunk, seq.MeanChunkMs), Math.Min(best.FusedChunk, fused.MeanChunkMs));
            await context.LogAsync(CommOverlapMetrics.CpuWallMs("sequential"), repeat, seq.WallMs, ct);
            await context.LogAsync(CommOverlapMetrics.CpuWallMs("fused"), repeat, fused.WallMs, ct);
            await context.LogAsync(CommOverlapMetrics.CpuChunkMs("alone"), repeat, seq.MeanChunkMs, ct);
            await context.LogAsync(CommOverlapMetrics.CpuChunkMs("fused"), repeat, fused.MeanChunkMs, ct);
            await context.ProgressAsync((repeat + 1.0) / p.CpuRepeats, $"repeat {repeat + 1}: GEMM-then-ring {seq.WallMs:F1} ms, fused {fused.WallMs:F1} ms", ct);
        }

        var gain = 100 * ((best.Seq / best.Fused) - 1);
        var slowdown = 100 * ((best.FusedChunk / best.SeqChunk) - 1);
        await context.LogLineAsync($"Best of {p.CpuRepeats}: GEMM-then-ring {best.Seq:F2} ms, fused {best.Fused:F2} ms ({gain:F1}% faster); " +
            $"GEMM chunks {slowdown:F1}% slower beside copies; max |difference| {maxDifference:G3}.", ct);
        var metrics = new Dictionary<string, double>
        {
            [CommOverlapMetrics.CpuSequentialMs] = best.Seq,
            [CommOverlapMetrics.CpuFusedMs] = best.Fused,
            [CommOverlapMetrics.CpuGainPct] = gain,
            [CommOverlapMetrics.CpuChunkSlowdownPct] = slowdown,
            [CommOverlapMetrics.CpuMaxAbsDifference] = maxDifference,
            [CommOverlapMetrics.CpuBytesCopied] = bytes,
        };
        return new RunSummary(metrics, Claims.Build(gain));
    }

    private static double MaxAbsDifference(ScheduleTiming a, ScheduleTiming b)
    {
        var max = 0.0;
        for (var i = 0; i < a.Owned.Length; i++)
        {
            using var scope = torch.NewDisposeScope();
            max = Math.Max(max, (a.Owned[i] - b.Owned[i]).abs().max().item<float>());
        }
        return max;
    }
}
