using System.Diagnostics;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Search;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Running;

/// <summary>
/// Simulates the paper's configurations (<see cref="PaperSetups"/>) at every point of the assumption design. Stage I (the
/// structure) is searched once per configuration at the assumed values, as the paper's own Stage I ignores interference;
/// at every design point the structure is kept and Stage II (the SM shares) is tuned again, because the interference
/// curves it answers to are what the point varies. A configuration the run already searched with its full budget reuses
/// that search's structure; the others get a reduced search.
/// </summary>
internal static class PaperComparisonRun
{
    /// <summary>Candidates of the reduced search of each configuration the run did not search itself.</summary>
    public const int ReducedSearchCandidates = 240;

    private const double GemvStart = 0.4;
    private const double NetStart = 0.15;

    public static async Task<PaperComparison> RunAsync(ServingThroughputParameters p, IRunContext context, Func<PaperSetup, PipelineShape?> searchedByRun,
        (double From, double To) progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var design = AssumptionDesign.Build(ServingAssumptions.Declare(p), p.AssumptionSamples, unchecked((int)context.Seed));
        var calibration = SystemFactory.Calibration(p);
        var curves = SystemFactory.Curves(p);
        var setups = PaperSetups.Models.Concat(PaperSetups.Ablation).ToList();
        var simulations = 0;

        var structures = new Dictionary<PaperSetup, PipelineShape>();
        foreach (var setup in setups)
        {
            await context.ProgressAsync(progress.From, $"searching the pipeline of {setup.Model.Name}, {setup.Workload.Name}", cancellationToken);
            if (searchedByRun(setup) is { } shape)
            {
                structures[setup] = shape;
                continue;
            }

            var space = new SearchSpace(setup.DenseBatch, p.MaxNanoBatches, p.NanoBatchGranularity, setup.Gpus > 1, GemvStart, NetStart, context.Seed);
            var budget = new SearchBudget(Math.Min(p.SearchCandidates, ReducedSearchCandidates), TimeSpan.FromMilliseconds(p.SearchMilliseconds));
            var outcome = await new PipelineSearch(Simulator(p, setup, calibration, curves), space)
                .RunAsync(budget, (_, _) => ValueTask.CompletedTask, cancellationToken);
            structures[setup] = outcome.Best.Shape;
            simulations += outcome.Candidates;
        }

        var nanoflow = setups.ToDictionary(s => s, _ => new double[design.Points.Count]);
        var sequential = PaperSetups.Ablation.ToDictionary(s => s, _ => new double[design.Points.Count]);
        var chunk = Math.Max(1, context.Threads);
        for (var first = 0; first < design.Points.Count; first += chunk)
        {
            await context.ProgressAsync(progress.From + ((progress.To - progress.From) * first / design.Points.Count),
                $"re-evaluating the claims at assumption point {first + 1} of {design.Points.Count}", cancellationToken);
            var last = Math.Min(design.Points.Count, first + chunk);
            var counts = new int[last - first];
            Parallel.For(first, last, new ParallelOptions { MaxDegreeOfParallelism = chunk, CancellationToken = cancellationToken }, i =>
            {
                var (pointCalibration, pointCurves) = ServingAssumptions.At(design.Points[i], calibration, curves);
                foreach (var setup in setups)
                {
                    var simulator = Simulator(p, setup, pointCalibration, pointCurves);
                    var (best, tried) = Retune(simulator, structures[setup], setup.Gpus > 1, cancellationToken);
                    nanoflow[setup][i] = best.TokensPerSecondPerGpu;
                    counts[i - first] += tried;
                    if (sequential.TryGetValue(setup, out var baseline))
                    {
                        baseline[i] = simulator.Simulate(PipelineShape.Sequential(setup.DenseBatch)).TokensPerSecondPerGpu;
                        counts[i - first]++;
                    }
                }
            });
            simulations += counts.Sum();
        }

        var headline = PaperSetups.Models[0];
        var withContention = Retune(Simulator(p, headline, calibration, curves), structures[headline], true, cancellationToken).Best;
        var without = Retune(Simulator(p, headline, calibration with { HbmContention = false }, curves), structures[headline], true, cancellationToken).Best;
        await context.ProgressAsync(progress.To, "paper comparison done", cancellationToken);

        return new PaperComparison(
            design,
            PaperSetups.Models.ToDictionary(s => s, s => (IReadOnlyList<double>)[.. nanoflow[s].Select(v => v / Optimum(p, s))]),
            PaperSetups.Ablation.ToDictionary(s => s, s => (IReadOnlyList<double>)[.. nanoflow[s].Zip(sequential[s], (n, q) => n / q)]),
            structures,
            1 - (withContention.TokensPerSecondPerGpu / without.TokensPerSecondPerGpu),
            simulations + 2,
            clock.Elapsed);
    }

    /// <summary>Stage II again at a design point: the structure kept, its shares tuned by descent from where they were.</summary>
    private static (IterationResult Best, int Tried) Retune(IterationSimulator simulator, PipelineShape structure, bool hasNetwork, CancellationToken cancellationToken)
    {
        var tried = 1;
        var best = new ShareDescent(hasNetwork).Descend(simulator.Simulate(structure), shape =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            tried++;
            return simulator.Simulate(shape);
        });
        return (best, tried);
    }

    private static double Optimum(ServingThroughputParameters p, PaperSetup setup) =>
        ServingCostModel.OptimalPerGpu(setup.System(p.ComputeEfficiency, p.BytesPerElement));

    private static IterationSimulator Simulator(ServingThroughputParameters p, PaperSetup setup, SimulationCalibration calibration, InterferenceCurves curves) =>
        new(setup.System(p.ComputeEfficiency, p.BytesPerElement), calibration, curves, IterationComposition.From(setup.Workload, setup.DenseBatch));
}
