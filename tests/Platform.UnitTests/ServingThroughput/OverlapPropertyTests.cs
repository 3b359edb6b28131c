using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Hardware;
using Platform.Experiments.ServingThroughput.Simulation;
using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.UnitTests.ServingThroughput;

/// <summary>
/// Sequential against overlapped, over seeded random model shapes, batches, workloads, pipelines and assumed constants.
/// The law the simulator must keep: overlapping a pipeline's nano-ops never takes longer than running the same nano-ops
/// one after another, provided decode attention and collectives are launched with at least the SM share at which they
/// reach full speed (then, whatever runs, the ops together progress at least as fast as one op alone, and HBM contention
/// only redistributes a conserved bandwidth). Physics says otherwise below that share, and against the one-nano-batch
/// sequential engine, which also saves the nano-batches' smaller GEMMs and extra launches: see the last test.
/// </summary>
public sealed class OverlapPropertyTests
{
    private const int Cases = 150;

    [Fact]
    public void Overlapping_nano_ops_never_takes_longer_than_running_them_one_after_another()
    {
        var random = new Random(20240822);
        for (var i = 0; i < Cases; i++)
        {
            var (shape, composition, costs, curves, calibration) = RandomCase(random);
            var overlapped = FluidSimulator.Run(LayerGraphBuilder.Build(shape, composition, costs, IterationSimulator.TraceLayers), curves, calibration.HbmCapacity);
            var serialOps = LayerGraphBuilder.Build(shape with { Overlap = false }, composition, costs, IterationSimulator.TraceLayers);
            var serial = FluidSimulator.Run(serialOps, curves, calibration.HbmCapacity);

            Assert.Equal(serialOps.Sum(op => op.SoloUs), serial.Makespan, 6);
            Assert.True(overlapped.Makespan <= serial.Makespan * (1 + 1e-9),
                $"case {i}: overlapped {overlapped.Makespan:F3} µs > one after another {serial.Makespan:F3} µs for {costs.System.Model} on " +
                $"{costs.System.Gpus} GPUs, {shape.Describe()}, {curves}");
        }
    }

    [Fact]
    public void Starving_decode_attention_of_sms_makes_overlap_slower_than_running_one_after_another()
    {
        // Decode-heavy LLaMA-2-70B: decode attention given 5% of the SMs runs at (0.05 / 0.5)^0.8 = 16% of its solo speed,
        // and the FFN that waits for it cannot start: the overlapped pipeline loses, as a real GPU would.
        var system = new ServingSystem(ModelCatalog.Presets["llama-2-70b"], GpuCatalog.Presets["a100-80g"], 8, ComputeCalibration.Fitted, 2);
        var simulator = new IterationSimulator(system, new SimulationCalibration(), new InterferenceCurves(),
            IterationComposition.From(new WorkloadStats("c", 512, 1024), 2048));

        var starved = simulator.Simulate(FixedPipelines.NanoflowFixed(2048, 8, 128, gemvShare: 0.05, netShare: 0.15));
        var serial = simulator.Simulate(FixedPipelines.NanobatchOnly(2048, 8, 128));

        Assert.True(starved.IterationUs > serial.IterationUs, $"{starved.IterationUs} <= {serial.IterationUs}");
    }

    private static (PipelineShape, IterationComposition, OpCostModel, InterferenceCurves, SimulationCalibration) RandomCase(Random random)
    {
        var hidden = Pick(random, 1024, 2048, 4096, 8192);
        var heads = hidden / 128;
        var kvHeads = Pick(random, 8, heads);
        var model = new ModelShape("random", hidden, 8, heads, kvHeads, 128 * random.Next(hidden / 64, hidden / 32), 32000,
            Experts: Pick(random, 1, 1, 8), TopK: 1);
        model = model with { TopK = model.Experts == 1 ? 1 : 2 };
        var gpus = Pick(random, 1, 2, 4, 8);
        var system = new ServingSystem(model, GpuCatalog.Presets[Pick(random, "a100-80g", "h100")], gpus, ComputeCalibration.Fitted, 2);

        var calibration = new SimulationCalibration(
            GemmEfficiencyMax: Uniform(random, 0.7, 0.95), GemmHalfTokens: Uniform(random, 32, 128), HbmEfficiency: Uniform(random, 0.75, 0.92),
            NetEfficiency: Uniform(random, 0.6, 0.85), LaunchUs: Uniform(random, 2, 8), CollectiveStepUs: Uniform(random, 1, 6),
            OtherTrafficFactor: Uniform(random, 4, 12));
        var gemvSaturation = Uniform(random, 0.3, 0.6);
        var netSaturation = Uniform(random, 0.07, 0.3);
        var curves = new InterferenceCurves(Uniform(random, 0.8, 1.0), gemvSaturation, Uniform(random, 0.6, 1.0), netSaturation,
            Uniform(random, 0.5, 1.0), Uniform(random, 0.15, 0.6));

        var batch = 128 * random.Next(1, 33);
        var workload = new WorkloadStats("random", random.Next(16, 2049), random.Next(0, 1025));
        var count = random.Next(1, 5);
        var cuts = Enumerable.Range(0, count - 1).Select(_ => random.Next(1, batch)).Distinct().Order().ToList();
        var sizes = cuts.Append(batch).Zip(cuts.Prepend(0), (end, start) => end - start).ToList();
        var variants = sizes.Select(_ => random.Next(2) == 0 ? CollectiveVariant.AllReduce : CollectiveVariant.AllGather).ToList();
        // Each fixed-share op at least at its saturation share, and room left for the GEMMs.
        var gemvShare = Uniform(random, gemvSaturation, 0.95 - netSaturation);
        var netShare = Uniform(random, netSaturation, 0.95 - gemvShare);
        var shape = new PipelineShape(sizes, random.Next(1, 3), variants, Overlap: true, gemvShare, netShare);
        return (shape, IterationComposition.From(workload, batch), new OpCostModel(system, calibration), curves, calibration);
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    private static double Uniform(Random random, double low, double high) => low + (random.NextDouble() * (high - low));
}
