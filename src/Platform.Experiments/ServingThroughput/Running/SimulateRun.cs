using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Figures;
using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Reporting;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Running;

/// <summary>
/// The simulate mode: the cost model, then each engine's steady-state iteration, their Gantt charts and utilisation, a
/// sweep of the dense batch showing where overlap stops paying, the paper's configurations re-simulated over the
/// assumption ranges (<see cref="PaperComparisonRun"/>), and the summary: per-engine metrics, the paper's claims beside
/// the simulated values with their ranges, the assumptions and the calibration, tables.
/// </summary>
internal static class SimulateRun
{
    // The paper comparison re-simulates several configurations at every assumption point: it gets most of the progress bar.
    private const double ComparisonSteps = 6;
    private static readonly int[] s_sweepBatches = [256, 512, 1024, 2048, 4096];
    private static readonly EngineKind[] s_sweepEngines = [EngineKind.Sequential, EngineKind.NanobatchOnly, EngineKind.NanoflowFixed];

    public static async Task<RunSummary> RunAsync(ServingThroughputParameters p, IRunContext context, CancellationToken cancellationToken)
    {
        var system = SystemFactory.System(p);
        var workload = p.ResolveWorkload();
        var atLimit = ServingCostModel.Evaluate(system, workload);
        var denseBatch = p.DenseBatch > 0 ? p.DenseBatch : Math.Max(64, (int)atLimit.MaxDenseBatch);
        var atBatch = ServingCostModel.Evaluate(system, workload, denseBatch);
        await context.LogLineAsync($"{system.Model.Name} on {system.Gpus}x {system.Gpu.Name}, {workload.Name}, {denseBatch} tokens/iteration; " +
            $"optimum {atLimit.OptimalPerGpu:F0} tokens/s/GPU, {atLimit.Times.Bottleneck.ToString().ToLowerInvariant()}-bound at the memory-filling batch", cancellationToken);

        var steps = p.Engines.Count + 2.0 + (p.PaperComparison ? ComparisonSteps : 0);
        var outcomes = new List<EngineOutcome>();
        foreach (var engine in p.Engines)
        {
            await context.ProgressAsync(outcomes.Count / steps, $"simulating {EngineNames.Of(engine)}", cancellationToken);
            var outcome = await Simulator(p, system, workload, denseBatch).RunEngineAsync(engine, p, context, cancellationToken);
            outcomes.Add(outcome);
            await context.LogAsync(ServingThroughputMetrics.Key(ServingThroughputMetrics.EngineThroughputGroup, outcome.Name), denseBatch,
                outcome.Result.TokensPerSecondPerGpu, cancellationToken);
            await context.LogLineAsync($"{outcome.Name}: {outcome.Result.TokensPerSecondPerGpu:F0} tokens/s/GPU " +
                $"({outcome.Result.ShareOfOptimum:P1} of optimum), layer {outcome.Result.LayerUs:F0} µs", cancellationToken);
            await SimulationFigures.LogUtilisationAsync(outcome, context, cancellationToken);
            await context.SaveGanttAsync($"gantt-{outcome.Name}", SimulationFigures.Gantt(outcome), cancellationToken);
        }

        await context.ProgressAsync((p.Engines.Count + 1) / steps, "sweeping the dense batch", cancellationToken);
        await SweepAsync(p, system, workload, context, cancellationToken);

        PaperComparison? comparison = null;
        if (p.PaperComparison)
        {
            var searched = outcomes.FirstOrDefault(o => o.Engine == EngineKind.NanoflowSearch);
            comparison = await PaperComparisonRun.RunAsync(p, context,
                setup => searched is not null && setup.Is(system, workload, denseBatch) ? searched.Result.Shape : null,
                ((p.Engines.Count + 2) / steps, 1), cancellationToken);
            await context.LogLineAsync($"Paper comparison: {comparison.Simulations} simulations over {comparison.Design.Points.Count} assumption points " +
                $"in {comparison.Elapsed.TotalSeconds:F1} s; HBM contention costs LLaMA-2-70B {comparison.ContentionCost:P1} of its throughput", cancellationToken);
        }

        await context.ProgressAsync(1, "simulation done", cancellationToken);
        var sequential = outcomes.FirstOrDefault(o => o.Engine == EngineKind.Sequential);
        var tables = new List<ResultTable> { Tables.Engines(outcomes, sequential) };
        if (comparison is not null)
        {
            tables.Add(Tables.PaperConfigurations(comparison));
        }

        tables.Add(Tables.Resources(atLimit, atBatch));
        return new RunSummary(SummaryMetrics.Build(atLimit, atBatch, outcomes, comparison), Claims.Build(system, atLimit, outcomes, sequential, comparison))
        {
            Tables = tables,
            Assumptions = comparison?.Design.Assumptions ?? ServingAssumptions.Declare(p),
            Calibrations = SystemFactory.Calibrations(p),
        };
    }

    private static async Task SweepAsync(ServingThroughputParameters p, ServingSystem system, Workloads.WorkloadStats workload,
        IRunContext context, CancellationToken cancellationToken)
    {
        foreach (var batch in s_sweepBatches)
        {
            var simulator = Simulator(p, system, workload, batch);
            foreach (var engine in s_sweepEngines)
            {
                var outcome = await simulator.RunEngineAsync(engine, p, context, cancellationToken);
                await context.LogAsync(ServingThroughputMetrics.Key(ServingThroughputMetrics.SweepShareGroup, outcome.Name), batch,
                    100 * outcome.Result.ShareOfOptimum, cancellationToken);
            }
        }
    }

    private static IterationSimulator Simulator(ServingThroughputParameters p, ServingSystem system, Workloads.WorkloadStats workload, int batch) =>
        new(system, SystemFactory.Calibration(p), SystemFactory.Curves(p), IterationComposition.From(workload, batch));

    private static Task<EngineOutcome> RunEngineAsync(this IterationSimulator simulator, EngineKind engine, ServingThroughputParameters p,
        IRunContext context, CancellationToken cancellationToken) =>
        new EngineRunner(simulator, p, context).RunAsync(engine, simulator.Batch.DenseBatch, cancellationToken);
}
