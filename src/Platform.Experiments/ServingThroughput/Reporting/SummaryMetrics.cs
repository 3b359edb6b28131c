using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Running;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Reporting;

/// <summary>The summary's flat metrics, one <c>Build</c> per mode.</summary>
internal static class SummaryMetrics
{
    /// <summary>The cost-model mode: the optimum and the resource times at the memory-filling and the simulated batch.</summary>
    public static Dictionary<string, double> Build(CostModelResult atLimit, CostModelResult atBatch) => new()
    {
        ["optimal_tokens_per_s_per_gpu"] = atLimit.OptimalPerGpu,
        ["max_concurrent_requests"] = atLimit.MaxConcurrentRequests,
        ["max_dense_batch"] = atLimit.MaxDenseBatch,
        ["memory_to_compute"] = atLimit.Times.MemoryToCompute,
        ["network_to_compute"] = atLimit.Times.NetworkToCompute,
        ["bound_tokens_per_s_per_gpu"] = atLimit.BoundPerGpu,
        ["dense_batch"] = atBatch.Times.DenseBatch,
        ["bound_tokens_per_s_per_gpu_at_batch"] = atBatch.BoundPerGpu,
    };

    /// <summary>
    /// The simulate mode: the cost model's metrics, each engine's throughput, share of the optimum, utilisation and gain, and
    /// the paper comparison's values at the assumed constants.
    /// </summary>
    public static Dictionary<string, double> Build(CostModelResult atLimit, CostModelResult atBatch, IReadOnlyList<EngineOutcome> outcomes, PaperComparison? comparison)
    {
        var metrics = Build(atLimit, atBatch);
        if (comparison is not null)
        {
            foreach (var (setup, shares) in comparison.NanoflowShare)
            {
                metrics[$"paper_share_of_optimum.{setup.ModelKey}"] = shares[0];
            }

            foreach (var (setup, gains) in comparison.OverlapGain)
            {
                metrics[$"paper_overlap_gain.{(setup.Workload == PaperSetups.PrefillOnly ? "prefill-only" : "decode-heavy")}"] = gains[0];
            }

            metrics["hbm_contention_cost"] = comparison.ContentionCost;
            metrics["assumption_points"] = comparison.Design.Points.Count;
        }

        var sequential = outcomes.FirstOrDefault(o => o.Engine == EngineKind.Sequential);
        foreach (var o in outcomes)
        {
            var (compute, memory, network) = o.Result.Trace.Average();
            metrics[$"tokens_per_s_per_gpu.{o.Name}"] = o.Result.TokensPerSecondPerGpu;
            metrics[$"share_of_optimum.{o.Name}"] = o.Result.ShareOfOptimum;
            metrics[$"compute_utilisation.{o.Name}"] = compute;
            metrics[$"memory_utilisation.{o.Name}"] = memory;
            metrics[$"network_utilisation.{o.Name}"] = network;
            if (sequential is not null)
            {
                metrics[$"gain_over_sequential.{o.Name}"] = o.Result.TokensPerSecondPerGpu / sequential.Result.TokensPerSecondPerGpu;
            }
        }

        return metrics;
    }

    /// <summary>The cpu-real mode: this CPU's optimum and tokens/s of each schedule.</summary>
    public static Dictionary<string, double> Build(CpuMeasurements m)
    {
        var metrics = new Dictionary<string, double>
        {
            ["cpu_peak_gemm_gflops"] = m.PeakGemmGflops,
            ["cpu_optimum_tokens_per_s"] = m.OptimumTokensPerSecond,
            ["cpu_overlap_gain"] = m.OverlapGain,
            ["cpu_interference_gemm"] = m.Interference.GemmPerformance,
            ["cpu_interference_attention"] = m.Interference.AttentionPerformance,
            ["cpu_schedules_agree"] = m.SchedulesAgree ? 1 : 0,
            ["threads"] = m.Threads,
        };
        foreach (var (schedule, ci) in m.Intervals)
        {
            metrics[$"cpu_tokens_per_s.{EngineNames.Of(schedule)}"] = ci.Mean;
            metrics[$"cpu_share_of_optimum.{EngineNames.Of(schedule)}"] = ci.Mean / m.OptimumTokensPerSecond;
        }

        return metrics;
    }
}
