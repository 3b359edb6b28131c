using Platform.Experiments.Contract;
using Platform.Experiments.ServingThroughput.Reporting;
using Platform.Experiments.ServingThroughput.Search;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Running;

/// <summary>Simulates one engine; the search streams its best-so-far throughput as it improves.</summary>
internal sealed class EngineRunner(IterationSimulator simulator, ServingThroughputParameters p, IRunContext context)
{
    public async Task<EngineOutcome> RunAsync(EngineKind engine, int denseBatch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var gpus = simulator.System.Gpus;
        switch (engine)
        {
            case EngineKind.Sequential:
                return new EngineOutcome(engine, simulator.Simulate(PipelineShape.Sequential(denseBatch)));
            case EngineKind.NanobatchOnly:
                return new EngineOutcome(engine, simulator.Simulate(FixedPipelines.NanobatchOnly(denseBatch, gpus, p.NanoBatchGranularity)));
            case EngineKind.NanoflowFixed:
                return new EngineOutcome(engine, simulator.Simulate(FixedPipelines.NanoflowFixed(denseBatch, gpus, p.NanoBatchGranularity, p.GemvShare, p.NetShare)));
            default:
                var space = new SearchSpace(denseBatch, p.MaxNanoBatches, p.NanoBatchGranularity, gpus > 1, p.GemvShare, p.NetShare, context.Seed);
                var budget = new SearchBudget(p.SearchCandidates, TimeSpan.FromMilliseconds(p.SearchMilliseconds));
                var search = new PipelineSearch(simulator, space);
                var outcome = await search.RunAsync(budget, (index, best) =>
                    context.LogAsync(ServingThroughputMetrics.SearchBest, index, best.TokensPerSecondPerGpu, cancellationToken), cancellationToken);
                await context.LogLineAsync($"Search: {outcome.Candidates} candidates ({outcome.StructuresTried} structures) in " +
                    $"{outcome.Elapsed.TotalSeconds:F2} s; best {outcome.Best.Shape.Describe()}", cancellationToken);
                return new EngineOutcome(engine, outcome.Best, outcome.Candidates, outcome.Elapsed.TotalSeconds);
        }
    }
}
