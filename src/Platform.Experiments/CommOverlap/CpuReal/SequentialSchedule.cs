using System.Collections.Concurrent;
using System.Diagnostics;
using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Torch;

namespace Platform.Experiments.CommOverlap.CpuReal;

/// <summary>
/// GEMM, then ring: every rank computes all its chunks, then N − 1 lock-step reduce-scatter steps in which each
/// rank copies its partial of one chunk into its successor's buffer and the successor adds its own.
/// </summary>
internal static class SequentialSchedule
{
    public static async Task<ScheduleTiming> RunAsync(CpuRing ring, CancellationToken ct)
    {
        ring.Reset();
        var n = ring.Ranks;
        var partials = new TorchSharp.torch.Tensor[n][];
        var chunkMs = new ConcurrentBag<double>();
        using var barrier = new Barrier(n);
        var stopwatch = Stopwatch.StartNew();
        var ranks = Enumerable.Range(0, n).Select(rank => Task.Factory.StartNew(() =>
        {
            TorchRuntime.UseThreads(1);
            partials[rank] = new TorchSharp.torch.Tensor[n];
            foreach (var chunk in ring.ProductionOrder(rank))
            {
                ct.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                partials[rank][chunk] = ring.ComputeChunk(rank, chunk);
                chunkMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            barrier.SignalAndWait(ct);
            var next = (rank + 1) % n;
            for (var step = 1; step < n; step++)
            {
                var chunk = RingCollective.ChunkSentAt(rank, step, n);
                var source = step == 1 ? partials[rank][chunk] : ring.Buffers[rank][chunk];
                ring.Buffers[next][chunk].copy_(source);
                barrier.SignalAndWait(ct);
                var received = RingCollective.ChunkSentAt(rank - 1 + n, step, n);
                ring.Buffers[rank][received].add_(partials[rank][received]);
                barrier.SignalAndWait(ct);
            }
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        await Task.WhenAll(ranks);
        var wall = stopwatch.Elapsed.TotalMilliseconds;
        foreach (var tensor in partials.SelectMany(p => p))
            tensor.Dispose();
        return new ScheduleTiming(wall, chunkMs.Average(), (n - 1L) * n * ring.ChunkBytes, ring.OwnedChunks());
    }
}
