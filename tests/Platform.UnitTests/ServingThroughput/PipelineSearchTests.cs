using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Hardware;
using Platform.Experiments.ServingThroughput.Search;
using Platform.Experiments.ServingThroughput.Simulation;
using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.UnitTests.ServingThroughput;

/// <summary>
/// The search never answers worse than where it started (the sequential pipeline and the authors' hand-tuned one), over
/// seeded random models, batches, workloads and interference curves, including curves under which every overlapped
/// candidate loses, so a search that forgot its starting points would be caught.
/// </summary>
public sealed class PipelineSearchTests
{
    private const int Cases = 12;

    [Fact]
    public async Task The_search_never_returns_worse_than_its_starting_points()
    {
        var random = new Random(7);
        for (var i = 0; i < Cases; i++)
        {
            var (simulator, space) = RandomCase(random);
            var starts = space.Starts.Select(simulator.Simulate).ToList();

            var outcome = await new PipelineSearch(simulator, space)
                .RunAsync(new SearchBudget(random.Next(4, 40), TimeSpan.FromMinutes(1)), (_, _) => ValueTask.CompletedTask, TestContext.Current.CancellationToken);

            Assert.True(outcome.Best.IterationUs <= starts.Min(s => s.IterationUs) + 1e-9,
                $"case {i}: search {outcome.Best.IterationUs:F2} µs, best start {starts.Min(s => s.IterationUs):F2} µs ({simulator.System.Model})");
            Assert.Equal(space.DenseBatch, outcome.Best.Shape.DenseBatch);
        }
    }

    [Fact]
    public void Share_descent_never_returns_worse_than_where_it_started()
    {
        var random = new Random(11);
        for (var i = 0; i < Cases; i++)
        {
            var (simulator, space) = RandomCase(random);
            var start = simulator.Simulate(space.Starts[1] with { GemvShare = 0.1 * random.Next(1, 8), NetShare = 0.05 });

            var best = new ShareDescent(space.HasNetwork).Descend(start, simulator.Simulate);

            Assert.True(best.IterationUs <= start.IterationUs, $"case {i}: {best.IterationUs} > {start.IterationUs}");
        }
    }

    [Fact]
    public async Task Every_improvement_the_search_reports_is_faster_than_the_last()
    {
        var simulator = Simulator(ModelCatalog.Presets["llama-2-70b"], 8, 2048, new InterferenceCurves(), new WorkloadStats("c", 1024, 512));
        var reported = new List<double>();

        await new PipelineSearch(simulator, new SearchSpace(2048, 3, 128, true, 0.4, 0.15, 1))
            .RunAsync(new SearchBudget(60, TimeSpan.FromMinutes(1)), (_, best) =>
            {
                reported.Add(best.IterationUs);
                return ValueTask.CompletedTask;
            }, TestContext.Current.CancellationToken);

        Assert.NotEmpty(reported);
        Assert.All(reported.Zip(reported.Skip(1)), pair => Assert.True(pair.Second < pair.First));
    }

    private static (IterationSimulator, SearchSpace) RandomCase(Random random)
    {
        var model = ModelCatalog.Presets[Pick(random, "llama-2-70b", "llama-3-8b", "mixtral-8x7b", "deepseek-67b")];
        var gpus = model.Name == "LLaMA-3-8B" ? Pick(random, 1, 2) : Pick(random, 2, 4, 8);
        var batch = 128 * random.Next(1, 25);
        // Half the cases: curves under which sharing the SMs costs more than it gives (every overlapped candidate loses).
        var curves = random.Next(2) == 0
            ? new InterferenceCurves()
            : new InterferenceCurves(GemmExponent: 1.5, GemvSaturation: 1.0, GemvExponent: 1.5, NetSaturation: 1.0, NetExponent: 1.5);
        var workload = new WorkloadStats("random", random.Next(16, 2049), random.Next(1, 1025));
        var space = new SearchSpace(batch, random.Next(1, 5), Pick(random, 64, 128, 256), gpus > 1, 0.4, 0.15, random.Next());
        return (Simulator(model, gpus, batch, curves, workload), space);
    }

    private static IterationSimulator Simulator(ModelShape model, int gpus, int batch, InterferenceCurves curves, WorkloadStats workload) =>
        new(new ServingSystem(model, GpuCatalog.Presets["a100-80g"], gpus, ComputeCalibration.Fitted, 2), new SimulationCalibration(), curves,
            IterationComposition.From(workload, batch));

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];
}
