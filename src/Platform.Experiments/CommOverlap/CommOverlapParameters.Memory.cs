using Platform.Experiments.Contract;
using static Platform.Experiments.Contract.MemoryEstimate;

namespace Platform.Experiments.CommOverlap;

public sealed partial class CommOverlapParameters : IEstimatesPeakMemory
{
    /// <remarks>
    /// The simulation models the GPUs' tensors without allocating them, so only cpu-real has parts. Its ring (see
    /// CpuRing) gives each rank a slice of the GEMM (inner = 4·hidden / ranks) and a buffer per chunk of T / ranks rows.
    /// </remarks>
    public MemoryEstimate EstimatePeakMemory()
    {
        if (Mode != RunMode.CpuReal)
        {
            return new MemoryEstimate([]);
        }

        double ranks = CpuRanks, tokens = CpuTokens, hidden = CpuHidden;
        var inner = Math.Max(1, 4 * CpuHidden / CpuRanks);
        var chunkRows = Math.Floor(tokens / ranks);
        return new MemoryEstimate(
        [
            new("GEMM inputs of every rank", ranks * tokens * inner * Float32, "cpuTokens", "cpuHidden"),
            new("GEMM weights of every rank", ranks * inner * hidden * Float32, "cpuHidden"),
            new("ring buffers (every rank, every chunk)", ranks * ranks * chunkRows * hidden * Float32, "cpuRanks", "cpuTokens", "cpuHidden"),
            new("partial outputs in flight (one chunk per rank)", ranks * chunkRows * hidden * Float32, "cpuTokens", "cpuHidden"),
        ]);
    }
}
