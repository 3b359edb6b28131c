using System.Collections.Concurrent;
using System.Diagnostics;
using Platform.Experiments.Torch;

namespace Platform.Experiments.CommOverlap.CpuReal;

/// <summary>
/// Track and trigger on a CPU: each rank computes its chunks in the staggered ring order and adds each into its
/// own buffer; a counter per (rank, chunk) tracks the contributions it expects (its own, plus the predecessor's
/// partial after the first step). When a counter completes, the rank's copy thread (its "DMA") adds the chunk into
/// the successor's buffer, which counts there in turn. Additions commute, so arrival order does not matter.
/// </summary>
internal sealed class FusedSchedule
{
    private readonly CpuRing _ring;
    private readonly int[,] _arrived;
    private readonly BlockingCollection<int>[] _dma;
    private readonly ConcurrentBag<double> _chunkMs = [];
    private int _unfinished;
    private long _bytesCopied;

    private FusedSchedule(CpuRing ring)
    {
        _ring = ring;
        _arrived = new int[ring.Ranks, ring.Ranks];
        _dma = [.. Enumerable.Range(0, ring.Ranks).Select(_ => new BlockingCollection<int>())];
        _unfinished = ring.Ranks;
    }

    public static async Task<ScheduleTiming> RunAsync(CpuRing ring, CancellationToken ct)
    {
        ring.Reset();
        var schedule = new FusedSchedule(ring);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var tasks = Enumerable.Range(0, ring.Ranks)
                .SelectMany(rank => new[] { Start(() => schedule.Compute(rank, ct), ct), Start(() => schedule.Forward(rank, ct), ct) });
            await Task.WhenAll(tasks);
            return new ScheduleTiming(stopwatch.Elapsed.TotalMilliseconds, schedule._chunkMs.Average(), schedule._bytesCopied, ring.OwnedChunks());
        }
        finally
        {
            foreach (var queue in schedule._dma)
                queue.Dispose();
        }
    }

    private static Task Start(Action action, CancellationToken ct) =>
        Task.Factory.StartNew(action, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Compute(int rank, CancellationToken ct)
    {
        try
        {
            ComputeChunks(rank, ct);
        }
        catch
        {
            // Copy threads would otherwise wait forever for chunks that will never come.
            foreach (var queue in _dma)
                queue.CompleteAdding();
            throw;
        }
    }

    private void ComputeChunks(int rank, CancellationToken ct)
    {
        TorchRuntime.UseThreads(1);
        foreach (var chunk in _ring.ProductionOrder(rank))
        {
            ct.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            using var partial = _ring.ComputeChunk(rank, chunk);
            _chunkMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            AddInto(rank, chunk, partial);
        }
    }

    private void Forward(int rank, CancellationToken ct)
    {
        TorchRuntime.UseThreads(1);
        var next = (rank + 1) % _ring.Ranks;
        foreach (var chunk in _dma[rank].GetConsumingEnumerable(ct))
        {
            AddInto(next, chunk, _ring.Buffers[rank][chunk]);
            Interlocked.Add(ref _bytesCopied, _ring.ChunkBytes);
        }
    }

    // The tracker: the rank's own partial is one contribution; every chunk but the first it sends also waits for
    // the predecessor's partial sum.
    private void AddInto(int rank, int chunk, TorchSharp.torch.Tensor contribution)
    {
        var buffer = _ring.Buffers[rank][chunk];
        lock (buffer)
        {
            buffer.add_(contribution);
        }

        var order = _ring.ProductionOrder(rank);
        var expected = chunk == order[0] ? 1 : 2;
        if (Interlocked.Increment(ref _arrived[rank, chunk]) != expected)
            return;
        if (chunk != order[^1])
        {
            _dma[rank].Add(chunk);
        }
        else if (Interlocked.Decrement(ref _unfinished) == 0)
        {
            foreach (var queue in _dma)
                queue.CompleteAdding();
        }
    }
}
