using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.Experiments.ServingThroughput.CostModel;

/// <summary>
/// NanoFlow's analytical model (paper Eq. 1–3 and Eq. 5, constants reconstructed from the ratios it states): the time
/// of an iteration on compute, memory and network, the largest dense batch the KV cache allows, and the compute-bound
/// optimum.
/// </summary>
public static class ServingCostModel
{
    /// <summary>Paper Eq. 5: tokens/s per GPU when compute is the binding resource and runs at its peak.</summary>
    public static double OptimalPerGpu(ServingSystem system) => system.EffectiveFlopsPerGpu / (2 * system.Model.ActiveParams);

    /// <summary>
    /// Requests whose KV caches fit beside the weights; a live request holds its prompt plus, on average, half its output.
    /// </summary>
    public static double MaxConcurrentRequests(ServingSystem system, WorkloadStats workload)
    {
        var free = Math.Max(0, system.GroupMemoryBytes - system.WeightBytes);
        return free / (system.Model.KvBytesPerToken(system.BytesPerElement) * workload.MeanDecodeContext);
    }

    /// <summary>Each live request brings one decode token per iteration plus p/d prefill tokens on average.</summary>
    public static double MaxDenseBatch(ServingSystem system, WorkloadStats workload) =>
        MaxConcurrentRequests(system, workload) / workload.DecodeShare;

    public static ResourceTimes Times(ServingSystem system, WorkloadStats workload, double denseBatch)
    {
        var model = system.Model;
        var n = system.Gpus;
        var compute = 2 * denseBatch * model.ActiveParams / (system.EffectiveFlopsPerGpu * n);

        // Eq. 1 generalised: an iteration reads the weights and the live KV caches; at the memory-filling batch this is
        // MemSize / MemBW, the paper's form.
        var liveRequests = denseBatch * workload.DecodeShare;
        var kvBytes = liveRequests * workload.MeanDecodeContext * model.KvBytesPerToken(system.BytesPerElement);
        var memory = (system.WeightBytes + kvBytes) / (system.Gpu.MemBandwidth * n);

        // Eq. 3: two all-reduces per layer, ring traffic 2(N-1)/N of the message per GPU, aggregate link bandwidth.
        var network = n == 1 ? 0
            : 4.0 * n * denseBatch * model.Hidden * system.BytesPerElement * model.Layers * (n - 1.0) / n / (system.Gpu.LinkBandwidth * n);
        return new ResourceTimes(denseBatch, compute, memory, network);
    }

    /// <summary>Evaluates a workload at <paramref name="denseBatch"/> tokens, or at the memory-filling batch when null.</summary>
    public static CostModelResult Evaluate(ServingSystem system, WorkloadStats workload, double? denseBatch = null)
    {
        var maxBatch = MaxDenseBatch(system, workload);
        var times = Times(system, workload, denseBatch ?? maxBatch);
        return new CostModelResult(
            system.Model.KvBytesPerToken(system.BytesPerElement),
            MaxConcurrentRequests(system, workload),
            maxBatch,
            times,
            OptimalPerGpu(system),
            times.DenseBatch / times.Slowest / system.Gpus);
    }
}
