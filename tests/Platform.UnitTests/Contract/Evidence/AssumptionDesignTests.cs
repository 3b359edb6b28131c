using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;

namespace Platform.UnitTests.Contract.Evidence;

public sealed class AssumptionDesignTests
{
    private static readonly Assumption s_a = Assumption.Declare("a", 0.5, 0, 1, "", "test");
    private static readonly Assumption s_b = Assumption.Declare("b", 0.2, 0, 1, "", "test");

    [Fact]
    public void The_range_of_a_monotone_claim_is_exact_at_the_corners()
    {
        var design = AssumptionDesign.Build([s_a, s_b]);

        var evidence = design.Evaluate(p => (5 * p["a"]) + (10 * p["b"]));

        Assert.Equal(4.5, evidence.Measured, 12);
        Assert.Equal(0, evidence.Range.Low, 12);
        Assert.Equal(15, evidence.Range.High, 12);
        Assert.Equal(["b", "a"], evidence.SensitiveTo);
    }

    [Fact]
    public void The_assumption_that_alone_crosses_the_band_is_named_first_and_a_negligible_one_not_at_all()
    {
        var design = AssumptionDesign.Build([s_a, s_b]);

        var evidence = design.Evaluate(p => (0.5 * p["a"]) + (10 * p["b"]), new Bounds(0, 5));

        Assert.Equal(["b"], evidence.SensitiveTo);
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimCheck.Predicted("c", 2.5, new Bounds(0, 5), "", evidence).Verdict);
    }

    [Fact]
    public void The_interior_sample_finds_an_extreme_no_corner_shows()
    {
        var c = Assumption.Declare("c", 0, 0, 1, "", "test");
        var design = AssumptionDesign.Build([c], interiorSamples: 32);

        // A bump in the middle of the range: every corner and one-at-a-time end reads 0.
        var evidence = design.Evaluate(p => Math.Sin(Math.PI * p["c"]));

        Assert.True(evidence.Range.High > 0.95, $"the sample missed the interior maximum: {evidence.Range}");
    }

    [Fact]
    public void A_claim_that_depends_on_no_assumption_has_a_point_range_and_no_sensitivity()
    {
        var evidence = AssumptionDesign.Build([s_a, s_b]).Evaluate(_ => 7);

        Assert.Equal(Bounds.Point(7), evidence.Range);
        Assert.Empty(evidence.SensitiveTo);
    }

    [Fact]
    public void A_value_outside_its_own_declared_range_is_refused() =>
        Assert.Throws<ArgumentException>(() => Assumption.Declare("x", 2, 0, 1, "", "test"));
}
