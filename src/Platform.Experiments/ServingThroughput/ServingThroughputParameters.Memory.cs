using Platform.Experiments.Contract;
using Platform.Experiments.ServingThroughput.Cpu;
using static Platform.Experiments.Contract.MemoryEstimate;

namespace Platform.Experiments.ServingThroughput;

public sealed partial class ServingThroughputParameters : IEstimatesPeakMemory
{
    /// <remarks>
    /// The cost model and the simulation allocate no tensors: only an uploaded trace is held. cpu-real allocates the
    /// tiny decoder, and the scheduler keeps up to min(tokenBudget, requests) requests live, each with a K and a V cache
    /// of [layers, prompt + output, kv width] (see BatchScheduler and KvCache).
    /// </remarks>
    public MemoryEstimate EstimatePeakMemory()
    {
        var trace = new MemoryPart("uploaded trace", 2.0 * (TraceCsv?.Length ?? 0), "traceCsv");
        if (Mode != ServingMode.CpuReal)
        {
            return new MemoryEstimate([trace]);
        }

        var c = new TinyDecoderConfig(CpuModelDim, CpuLayers, CpuHeads, CpuKvHeads, CpuFfn, CpuMaxContext);
        double live = Math.Min(TokenBudget, Requests), context = CpuPromptTokens + CpuOutputTokens, budget = TokenBudget;
        return new MemoryEstimate(
        [
            trace,
            // Projections and lm_head (the active parameters) plus the input embedding.
            new("decoder weights", (c.ActiveParams + ((double)c.Vocab * c.Dim)) * Float32, "cpuModelDim", "cpuLayers", "cpuFfn"),
            new("KV caches of the live requests", live * 2 * c.Layers * context * c.KvDim * Float32,
                "tokenBudget", "requests", "cpuLayers", "cpuPromptTokens", "cpuOutputTokens", "cpuModelDim", "cpuKvHeads"),
            // The interference probe's attention: one layer's K and V for a budget of requests.
            new("interference probe", budget * ((2 * context * c.KvDim) + c.Dim) * Float32, "tokenBudget", "cpuPromptTokens", "cpuOutputTokens"),
            // The GEMM curve's largest GEMM, 2·budget rows through the gate and up projection.
            new("GEMM curve", ((2 * budget * c.Dim) + (2.0 * c.Dim * c.Ffn) + (4 * budget * c.Ffn)) * Float32, "tokenBudget", "cpuFfn"),
            new("one iteration's activations", budget * ((4.0 * c.Dim) + (2 * c.KvDim) + (3.0 * c.Ffn) + c.Vocab) * Float32, "tokenBudget"),
        ]);
    }
}
