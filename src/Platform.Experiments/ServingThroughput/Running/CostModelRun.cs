using Platform.Experiments.Contract;
using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.Experiments.ServingThroughput.Runs;

/// <summary>
/// The cost-model mode: the analytical model for the chosen system and workload, a sweep of the dense batch up to what
/// memory allows (which resource binds as the batch grows), and the optimum of every preset model.
/// </summary>
internal static class CostModelRun
{
    private const int FirstSweepBatch = 64;

    public static async Task<RunSummary> RunAsync(ServingThroughputParameters p, IRunContext context, CancellationToken cancellationToken)
    {
        var system = SystemFactory.System(p);
        var workload = p.ResolveWorkload();
        await context.LogLineAsync($"{system.Model.Name} on {system.Gpus}x {system.Gpu.Name}, workload {workload.Name}", cancellationToken);

        var atLimit = ServingCostModel.Evaluate(system, workload);
        var batch = p.DenseBatch > 0 ? p.DenseBatch : atLimit.MaxDenseBatch;
        var atBatch = ServingCostModel.Evaluate(system, workload, batch);
        await SweepAsync(system, workload, atLimit.MaxDenseBatch, context, cancellationToken);
        await context.ProgressAsync(1, "cost model evaluated", cancellationToken);

        var metrics = Metrics(atLimit, atBatch);
        var claims = new[] { CostModelReport.OptimumClaim(system, atLimit), CostModelReport.BottleneckClaim(atLimit) };
        return new RunSummary(metrics, claims)
        {
            Tables =
            [
                CostModelReport.ResourceTable(atLimit, atBatch),
                CostModelReport.ModelTable(system.Gpu, system.ComputeEfficiency, system.BytesPerElement, workload),
                WorkloadTable(system),
            ],
        };
    }

    public static Dictionary<string, double> Metrics(CostModelResult atLimit, CostModelResult atBatch) => new()
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

    private static async Task SweepAsync(ServingSystem system, WorkloadStats workload, double maxBatch, IRunContext context, CancellationToken cancellationToken)
    {
        var batches = new List<long>();
        for (long b = FirstSweepBatch; b < maxBatch; b *= 2)
        {
            batches.Add(b);
        }
        batches.Add((long)Math.Floor(maxBatch));

        foreach (var b in batches.Where(b => b > 0).Distinct())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var r = ServingCostModel.Evaluate(system, workload, b);
            await context.LogAsync(ServingThroughputMetrics.Key(ServingThroughputMetrics.ResourceMsGroup, "compute"), b, r.Times.Compute * 1e3, cancellationToken);
            await context.LogAsync(ServingThroughputMetrics.Key(ServingThroughputMetrics.ResourceMsGroup, "memory"), b, r.Times.Memory * 1e3, cancellationToken);
            await context.LogAsync(ServingThroughputMetrics.Key(ServingThroughputMetrics.ResourceMsGroup, "network"), b, r.Times.Network * 1e3, cancellationToken);
            await context.LogAsync(ServingThroughputMetrics.Key(ServingThroughputMetrics.BoundGroup, "slowest-resource"), b, r.BoundPerGpu, cancellationToken);
            await context.LogAsync(ServingThroughputMetrics.Key(ServingThroughputMetrics.BoundGroup, "optimum"), b, r.OptimalPerGpu, cancellationToken);
        }
    }

    /// <summary>The brief's §2.5 workloads on this system, at the batch memory allows.</summary>
    private static ResultTable WorkloadTable(ServingSystem system)
    {
        var workloads = new[] { new WorkloadStats("constant 512/512", 512, 512), new WorkloadStats("constant 1024/512", 1024, 512), new WorkloadStats("constant 512/1024", 512, 1024) }
            .Concat(WorkloadCatalog.Traces.Values);
        var rows = workloads.Select(w =>
        {
            var r = ServingCostModel.Evaluate(system, w);
            return (IReadOnlyList<object?>)
            [
                w.Name, Math.Round(r.MaxConcurrentRequests), Math.Round(r.MaxDenseBatch), Math.Round(r.Times.MemoryToCompute, 2),
                Math.Round(r.Times.NetworkToCompute, 2), r.Times.Bottleneck.ToString().ToLowerInvariant(),
            ];
        }).ToList();
        return new ResultTable($"Which resource binds, {system.Model.Name} on {system.Gpus}x {system.Gpu.Name}",
            ["workload", "concurrent requests", "dense batch", "T_mem/T_comp", "T_net/T_comp", "binds"], rows);
    }
}
