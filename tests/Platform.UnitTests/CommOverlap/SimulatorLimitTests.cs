using Platform.Experiments.CommOverlap;
using Platform.Experiments.CommOverlap.Hardware;
using Platform.Experiments.CommOverlap.Simulation;

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

    [Fact]
    public void Near_memory_reduction_moves_fewer_bytes_than_the_baseline_by_the_access_counts()
    {
        var cell = SimulationFixtures.Simulate(new CellShape(4256, 8, 8192, 1, 2), SimulationFixtures.Settings(GpuSpec.For(GpuPreset.T3Calibrated)));
        var linkBytes = 7 * cell.Shape.ChunkBytes;

        Assert.Equal(4 * linkBytes, cell.Seq.ReduceScatterBytes, 1);
        Assert.Equal(2 * linkBytes, cell.Outcomes[Variant.T3].ReduceScatterBytes, 1);
        Assert.Equal(2 * linkBytes / (cell.Seq.GemmBytes + (4 * linkBytes)), cell.DataMovementReduction(Variant.T3), 9);
    }
}
