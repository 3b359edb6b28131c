using Platform.Experiments.CommOverlap.Simulation;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.CommOverlap.CpuReal;

/// <summary>
/// The tensors of a ring of N "ranks" on this CPU: each rank's GEMM inputs A [T x K] and B [K x H] (its
/// tensor-parallel shard, K = 4H/N as in an MLP down projection) and its output buffers, one per ring chunk of
/// T/N rows. Every rank's partial output of a chunk is added into the chunk owner's buffer along the ring.
/// </summary>
internal sealed class CpuRing : IDisposable
{
    private readonly Tensor[] _a;
    private readonly Tensor[] _b;

    public CpuRing(int ranks, int tokens, int hidden)
    {
        Ranks = ranks;
        ChunkRows = tokens / ranks;
        var inner = Math.Max(1, 4 * hidden / ranks);
        _a = [.. Enumerable.Range(0, ranks).Select(_ => torch.randn(tokens, inner))];
        _b = [.. Enumerable.Range(0, ranks).Select(_ => torch.randn(inner, hidden) / Math.Sqrt(inner))];
        Buffers = [.. Enumerable.Range(0, ranks).Select(_ => Enumerable.Range(0, ranks).Select(_ => torch.zeros(ChunkRows, hidden)).ToArray())];
        ChunkBytes = (long)ChunkRows * hidden * sizeof(float);
    }

    public int Ranks { get; }

    public int ChunkRows { get; }

    public long ChunkBytes { get; }

    /// <summary>Buffers[rank][chunk]: the running sum of that chunk's partials as they reach the rank.</summary>
    public Tensor[][] Buffers { get; }

    public int[] ProductionOrder(int rank) => RingCollective.ProductionOrder(rank, Ranks);

    /// <summary>Rank <paramref name="rank"/>'s partial GEMM output for the rows of <paramref name="chunk"/>.</summary>
    public Tensor ComputeChunk(int rank, int chunk)
    {
        using var rows = _a[rank].narrow(0, (long)chunk * ChunkRows, ChunkRows);
        return rows.mm(_b[rank]);
    }

    public void Reset()
    {
        foreach (var buffer in Buffers.SelectMany(b => b))
            buffer.zero_();
    }

    /// <summary>The chunk each rank owns fully reduced at the end, copied out.</summary>
    public Tensor[] OwnedChunks() => [.. Enumerable.Range(0, Ranks).Select(r => Buffers[r][ProductionOrder(r)[^1]].clone())];

    public void Dispose()
    {
        foreach (var tensor in _a.Concat(_b).Concat(Buffers.SelectMany(b => b)))
            tensor.Dispose();
    }
}
