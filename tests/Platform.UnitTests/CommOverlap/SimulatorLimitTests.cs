using Platform.Experiments.CommOverlap;
using Platform.Experiments.CommOverlap.Assumptions;
using Platform.Experiments.CommOverlap.Hardware;
using Platform.Experiments.CommOverlap.Reporting;
using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract.Evidence;

namespace Platform.UnitTests.CommOverlap;

public sealed class SimulatorLimitTests
{
    private static readonly Variant[] s_overlapped = [Variant.SwOverlap, Variant.T3Nonmc, Variant.T3, Variant.T3Mca, Variant.Ideal];

    [Theory]
    [InlineData(4256, 8, 1)]
    [InlineData(4256, 16, 4)]
    [InlineData(20480, 32, 3)]
    public void With_an_infinite_link_every_overlapped_variant_takes_the_gemm_time_plus_the_all_gather(int hidden, int tp, int k)
    {
        // A link this fast and memory this wide leave nothing for communication to cost but its step latency.
        var gpu = new GpuSpec(181, 0.75, HbmTbps: 1e9, LinkGbps: 1e15);
        var settings = SimulationFixtures.Settings(gpu, stepLatency: 5e-6, triggerLatency: 0, loss: 0);
        var cell = SimulationFixtures.Simulate(new CellShape(hidden, tp, 8192, k, 2), settings);
        var gemm = CellSimulator.GemmAlone(cell.Shape, gpu, 1);
        var allGather = (tp - 1) * 5e-6;

        // The last chunk is reduced where it is produced, so even a launch-bound step hides behind the GEMM.
        foreach (var variant in s_overlapped)
        {
            Assert.Equal(gemm + allGather, cell.Outcomes[variant].Time, gemm * 1e-6);
        }
    }

    /// <summary>
    /// With no latency and links and memory too fast to take time, communication costs nothing, so every variant,
    /// the baseline included, takes exactly its own GEMM's compute time: in every headline cell, with every other
    /// assumption at each end of its range.
    /// </summary>
    [Fact]
    public void With_zero_latency_and_unbounded_bandwidth_every_variant_reduces_to_its_gemm_time()
    {
        var p = HeadlineDesignFixture.Headline();
        var assumed = SimulationSettings.From(p);
        var design = AssumptionDesign.Build(AssumedConstants.Declare(p, assumed, burstinessFitted: false), interiorSamples: 0);
        var off = new List<string>();
        foreach (var point in design.Points)
        {
            var (settings, workload) = PointInputs.Apply(point, assumed, SweepPlan.Workload(p));
            settings = settings with { StepLatency = 0, TriggerLatency = 0, Gpu = settings.Gpu with { LinkGbps = 1e12, HbmTbps = 1e9 } };
            foreach (var key in SweepPlan.Cells(p))
            {
                var cell = CellSimulator.Simulate(key.Model, key.Sublayer, workload.Shape(key), settings);
                var compute = cell.Shape.Flops / settings.Gpu.EffectiveFlops;
                foreach (var variant in VariantOrdering.Expected)
                {
                    // Software overlap runs the GEMM as slower sub-GEMMs; every other variant runs it whole.
                    var gemm = compute * (variant == Variant.SwOverlap ? 1 + settings.DecompositionLoss : 1);
                    var time = cell.Outcomes[variant].Time;
                    if (Math.Abs(time - gemm) > 1e-6 * gemm)
                        off.Add($"{key} {variant} at {point.Varied ?? "assumed"}: {time * 1e6:F4} µs, GEMM {gemm * 1e6:F4} µs");
                }
            }
        }

        Assert.True(off.Count == 0, string.Join(Environment.NewLine, off.Take(10)));
    }

    [Theory]
    [InlineData(4256, 8)]
    [InlineData(12288, 64)]
    public void With_no_gemm_time_every_variant_takes_the_communication_time(int hidden, int tp)
    {
        var gpu = new GpuSpec(PeakTflops: 1e12, 1, HbmTbps: 1e9, LinkGbps: 150);
        var settings = SimulationFixtures.Settings(gpu, stepLatency: 0, triggerLatency: 0);
        var cell = SimulationFixtures.Simulate(new CellShape(hidden, tp, 8192, 4, 2), settings);
        var link = 150e9;
        var communication = 2 * (tp - 1) * cell.Shape.ChunkBytes / link;

        foreach (var variant in s_overlapped.Prepend(Variant.Seq))
        {
            Assert.Equal(communication, cell.Outcomes[variant].Time, communication * 1e-6);
        }
    }

    [Fact]
    public void A_serial_all_gather_adds_the_same_time_to_every_variant()
    {
        var gpu = GpuSpec.For(GpuPreset.T3Calibrated);
        var shape = new CellShape(4256, 16, 8192, 1, 2);
        var with = SimulationFixtures.Simulate(shape, SimulationFixtures.Settings(gpu));
        var without = SimulationFixtures.Simulate(shape, SimulationFixtures.Settings(gpu, allGather: AllGatherHandling.Excluded));
        var allGather = 15 * (5e-6 + (shape.ChunkBytes / 150e9));

        foreach (var variant in s_overlapped.Prepend(Variant.Seq))
        {
            Assert.Equal(allGather, with.Outcomes[variant].Time - without.Outcomes[variant].Time, 1e-12);
        }
    }

    /// <summary>The bytes the simulation moved, summed over its intervals, equal the hand count: GEMM traffic plus accesses per step times the link bytes.</summary>
    [Fact]
    public void Near_memory_reduction_moves_fewer_bytes_than_the_baseline_by_the_access_counts()
    {
        var cell = SimulationFixtures.Simulate(new CellShape(4256, 8, 8192, 1, 2), SimulationFixtures.Settings(GpuSpec.For(GpuPreset.T3Calibrated)));
        var linkBytes = 7 * cell.Shape.ChunkBytes;

        Assert.Equal(4 * linkBytes, cell.Seq.ReduceScatterBytes, 4 * linkBytes * 1e-9);
        Assert.Equal(2 * linkBytes, cell.Outcomes[Variant.T3].ReduceScatterBytes, 2 * linkBytes * 1e-9);
        Assert.Equal(cell.Shape.GemmBytes, cell.Outcomes[Variant.T3].GemmBytes, cell.Shape.GemmBytes * 1e-9);
        Assert.Equal(2 * linkBytes / (cell.Seq.GemmBytes + (4 * linkBytes)), cell.DataMovementReduction(Variant.T3), 9);
    }
}
