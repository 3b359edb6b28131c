using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Hardware;
using Platform.Experiments.ServingThroughput.Search;
using Platform.Experiments.ServingThroughput.Simulation;
using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.UnitTests.ServingThroughput;

public sealed class EngineSimulationTests
{
    private static readonly WorkloadStats s_workload = new("c", 1024, 512);

    private static IterationSimulator Simulator(GpuSpec gpu, string model = "llama-2-70b", int gpus = 8, int batch = 1024) =>
        new(new ServingSystem(ModelCatalog.Presets[model], gpu, gpus, 0.82, 2), new SimulationCalibration(), new InterferenceCurves(),
            IterationComposition.From(s_workload, batch));

    private static async Task<IterationResult> SearchAsync(IterationSimulator simulator, int batch, int gpus) =>
        (await new PipelineSearch(simulator, new SearchSpace(batch, 3, 128, gpus > 1, 0.4, 0.15, 7))
            .RunAsync(new SearchBudget(60, TimeSpan.FromSeconds(30)), (_, _) => ValueTask.CompletedTask, TestContext.Current.CancellationToken)).Best;

    private static async Task<double[]> EnginesAsync(IterationSimulator simulator, int batch, int gpus) =>
    [
        simulator.Simulate(PipelineShape.Sequential(batch)).IterationUs,
        simulator.Simulate(FixedPipelines.NanobatchOnly(batch, gpus, 128)).IterationUs,
        simulator.Simulate(FixedPipelines.NanoflowFixed(batch, gpus, 128, 0.4, 0.15)).IterationUs,
        (await SearchAsync(simulator, batch, gpus)).IterationUs,
    ];

    [Fact]
    public async Task More_memory_or_link_bandwidth_never_slows_an_engine()
    {
        var a100 = GpuCatalog.Presets["a100-80g"];
        var baseline = await EnginesAsync(Simulator(a100), 1024, 8);
        var moreHbm = await EnginesAsync(Simulator(a100 with { MemBandwidthTBps = 2 * a100.MemBandwidthTBps }), 1024, 8);
        var moreLink = await EnginesAsync(Simulator(a100 with { LinkGBps = 2 * a100.LinkGBps }), 1024, 8);

        for (var engine = 0; engine < baseline.Length; engine++)
        {
            Assert.True(moreHbm[engine] <= baseline[engine] + 1e-6, $"engine {engine}: {moreHbm[engine]} > {baseline[engine]}");
            Assert.True(moreLink[engine] <= baseline[engine] + 1e-6, $"engine {engine}: {moreLink[engine]} > {baseline[engine]}");
        }
    }

    [Fact]
    public void Nano_batching_without_overlap_costs_throughput_and_overlap_wins_it_back()
    {
        var simulator = Simulator(GpuCatalog.Presets["a100-80g"], batch: 2048);

        var sequential = simulator.Simulate(PipelineShape.Sequential(2048));
        var nanobatch = simulator.Simulate(FixedPipelines.NanobatchOnly(2048, 8, 128));
        var overlapped = simulator.Simulate(FixedPipelines.NanoflowFixed(2048, 8, 128, 0.4, 0.15));

        Assert.True(nanobatch.TokensPerSecondPerGpu < sequential.TokensPerSecondPerGpu);
        Assert.True(overlapped.TokensPerSecondPerGpu > sequential.TokensPerSecondPerGpu);
        Assert.True(overlapped.ShareOfOptimum < 1);
    }

    [Fact]
    public void Every_op_of_a_simulated_layer_runs_once_after_its_dependencies()
    {
        var result = Simulator(GpuCatalog.Presets["a100-80g"]).Simulate(FixedPipelines.NanoflowFixed(1024, 8, 128, 0.4, 0.15));
        var trace = result.Trace;

        Assert.All(trace.Ops, op =>
        {
            Assert.True(trace.End[op.Id] > trace.Start[op.Id]);
            Assert.All(op.Deps, dep => Assert.True(trace.End[dep] <= trace.Start[op.Id] + 1e-9));
        });
    }
}
