using static TorchSharp.torch;

namespace Platform.Experiments.CommOverlap.CpuReal;

/// <summary>One timed run of a schedule: wall time, mean time of one GEMM chunk, bytes copied rank to rank, and each rank's reduced chunk.</summary>
internal sealed record ScheduleTiming(double WallMs, double MeanChunkMs, long BytesCopied, Tensor[] Owned) : IDisposable
{
    public void Dispose()
    {
        foreach (var tensor in Owned)
            tensor.Dispose();
    }
}
