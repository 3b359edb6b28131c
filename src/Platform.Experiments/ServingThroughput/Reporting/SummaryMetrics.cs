using Platform.Experiments.Contract;
using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Runs;

/// <summary>The simulate mode's summary: per-engine metrics, the paper's claims beside the simulated values, tables.</summary>
internal static class SimulationReport
{
    public static RunSummary Build(ServingSystem system, CostModelResult atLimit, CostModelResult atBatch, IReadOnlyList<EngineOutcome> outcomes)
    {
        var metrics = CostModelRun.Metrics(atLimit, atBatch);
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

        var claims = new List<ClaimCheck> { CostModelReport.OptimumClaim(system, atLimit) };
        claims.AddRange(SimulationClaims.For(outcomes, sequential));
        claims.Add(CostModelReport.BottleneckClaim(atLimit));
        return new RunSummary(metrics, claims)
        {
            Tables =
            [
                EngineTable(outcomes, sequential),
                SimulationClaims.AcceptanceTable(atLimit, system, outcomes, sequential),
                CostModelReport.ResourceTable(atLimit, atBatch),
            ],
        };
    }

    private static ResultTable EngineTable(IReadOnlyList<EngineOutcome> outcomes, EngineOutcome? sequential)
    {
        var rows = outcomes.Select(o =>
        {
            var (compute, memory, network) = o.Result.Trace.Average();
            return (IReadOnlyList<object?>)
            [
                o.Name, Math.Round(o.Result.TokensPerSecondPerGpu), Math.Round(100 * o.Result.ShareOfOptimum, 1),
                sequential is null ? null : Math.Round(o.Result.TokensPerSecondPerGpu / sequential.Result.TokensPerSecondPerGpu, 3),
                Math.Round(o.Result.LayerUs, 1), Math.Round(o.Result.IterationUs / 1e3, 2),
                Math.Round(100 * compute, 1), Math.Round(100 * memory, 1), Math.Round(100 * network, 1), o.Result.Shape.Describe(),
            ];
        }).ToList();
        return new ResultTable("Simulated engines (one steady-state iteration; calibration defaults of the brief §6.4)",
            ["engine", "tokens/s/GPU", "% of optimum", "x sequential", "layer µs", "iteration ms", "compute util %", "HBM util %", "net util %", "pipeline"],
            rows);
    }
}
