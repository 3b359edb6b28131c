using Platform.Experiments.CommOverlap;
using Platform.Experiments.CommOverlap.Reporting;
using Platform.Experiments.CommOverlap.Simulation;

namespace Platform.UnitTests.CommOverlap;

/// <summary>Relations the simulator must keep in every headline cell at every point of the assumption ranges.</summary>
public sealed class HeadlineDesignTests(HeadlineDesignFixture fixture) : IClassFixture<HeadlineDesignFixture>
{
    private const double Tie = 1e-9;

    /// <summary>
    /// seq ≤ t3, seq ≤ t3-mca, t3 ≤ ideal and t3-mca ≤ ideal in speed everywhere. t3 ≤ t3-mca is required where the
    /// MCA floor holds the collective's whole DRAM demand: there compute priority gives both streams at least what fair
    /// share does. Where the demand exceeds the floor, the GEMM's bursts push the collective below its fair share, and
    /// where the collective is the critical path (the OP sublayer) t3-mca loses to t3; that is the modelled policy (a
    /// fixed floor), so those cells are counted, not failed.
    /// </summary>
    [Fact]
    public void Seq_t3_t3mca_and_ideal_are_ordered_in_speed_in_every_cell_at_every_point()
    {
        (Variant Slower, Variant Faster)[] always = [(Variant.Seq, Variant.T3), (Variant.Seq, Variant.T3Mca), (Variant.T3, Variant.Ideal), (Variant.T3Mca, Variant.Ideal)];
        var broken = new List<string>();
        var floorExceeded = 0;
        foreach (var point in fixture.Points)
        {
            var s = point.Settings;
            var floorHolds = s.Gpu.LinkBytesPerSecond * (s.NmcUpdateCost + s.T3Accesses - 1) <= s.McaFloor * s.Gpu.HbmBytesPerSecond;
            floorExceeded += floorHolds ? 0 : 1;
            (Variant Slower, Variant Faster)[] pairs = floorHolds ? [.. always, (Variant.T3, Variant.T3Mca)] : always;
            foreach (var (key, times) in fixture.Cells.Zip(point.Times))
            {
                broken.AddRange(pairs.Where(pair => times[pair.Faster] > times[pair.Slower] * (1 + Tie))
                    .Select(pair => $"{key}: {pair.Faster} {times[pair.Faster] * 1e6:F3} µs > {pair.Slower} {times[pair.Slower] * 1e6:F3} µs at {point.Values}"));
            }
        }

        Assert.True(broken.Count == 0, $"{broken.Count} broken pairs; first: {string.Join(Environment.NewLine, broken.Take(10))}");
        Assert.InRange(floorExceeded, 1, fixture.Points.Count - 1);
    }

    [Fact]
    public void Doubling_the_dram_bandwidth_never_slows_a_variant()
    {
        var slower = new List<string>();
        foreach (var point in fixture.Points)
        {
            var doubled = point.Settings with { Gpu = point.Settings.Gpu with { HbmTbps = 2 * point.Settings.Gpu.HbmTbps } };
            foreach (var (key, times) in fixture.Cells.Zip(point.Times))
            {
                var cell = CellSimulator.Simulate(key.Model, key.Sublayer, point.Workload.Shape(key), doubled);
                slower.AddRange(VariantOrdering.Expected.Where(v => cell.Outcomes[v].Time > times[v] * (1 + Tie))
                    .Select(v => $"{key} {v}: {times[v] * 1e6:F3} → {cell.Outcomes[v].Time * 1e6:F3} µs at {point.Values}"));
            }
        }

        Assert.True(slower.Count == 0, $"{slower.Count} slower; first: {string.Join(Environment.NewLine, slower.Take(10))}");
    }
}
