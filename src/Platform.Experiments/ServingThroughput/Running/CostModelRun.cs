using Platform.Experiments.Contract;
using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Reporting;
using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.Experiments.ServingThroughput.Running;

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

        return new RunSummary(SummaryMetrics.Build(atLimit, atBatch), Claims.Build(system, atLimit))
        {
            Tables =
            [
                Tables.Resources(atLimit, atBatch),
                Tables.Models(system.Gpu, system.ComputeEfficiency, system.BytesPerElement, workload),
                Tables.Workloads(system),
            ],
            Calibrations = SystemFactory.Calibrations(p),
        };
    }

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
}
