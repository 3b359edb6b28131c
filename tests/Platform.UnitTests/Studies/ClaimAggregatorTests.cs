using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Web.Components.Shared.Evidence;
using Platform.Web.Studies.Aggregation;

namespace Platform.UnitTests.Studies;

public sealed class ClaimAggregatorTests
{
    private static readonly Interval s_band = new(27, 33);

    private static ClaimView Seed(double measured, double below = 0, double above = 0) => new()
    {
        Claim = "Speed-up",
        Basis = ClaimBasis.Predicted,
        PaperValue = 30,
        Band = s_band,
        MeasuredValue = measured,
        Range = new Interval(measured - below, measured + above),
        Seeds = 1,
        Unit = "%",
    };

    [Fact]
    public void Seeds_whose_interval_lies_inside_the_band_are_supported()
    {
        var claim = ClaimAggregator.Aggregate([Seed(29.8), Seed(30.0), Seed(30.2)]);

        // mean 30, s = 0.2, half-width = 4.30265 × 0.2 / sqrt(3) = 0.4968.
        Assert.Equal(ClaimVerdict.Supported, claim.Verdict);
        Assert.Equal(30 - (4.30265 * 0.2 / Math.Sqrt(3)), claim.Range!.Low, 10);
        Assert.Equal(3, claim.Measured.N);
    }

    [Fact]
    public void One_seed_leaving_the_band_makes_the_verdict_inconclusive()
    {
        var claim = ClaimAggregator.Aggregate([Seed(29.8), Seed(30.0), Seed(34.0)]);

        Assert.Equal(ClaimVerdict.Inconclusive, claim.Verdict);
        Assert.True(claim.Range!.High > s_band.High && claim.Range.Low < s_band.High);
    }

    [Fact]
    public void The_assumption_ranges_widen_the_interval_judged()
    {
        // Inside the band on seeds alone; the assumptions move every seed's value up to 4 points lower.
        var claim = ClaimAggregator.Aggregate([Seed(29.8, below: 4), Seed(30.0, below: 4), Seed(30.2, below: 4)]);

        Assert.Equal(ClaimVerdict.Inconclusive, claim.Verdict);
        Assert.Equal(30 - (4.30265 * 0.2 / Math.Sqrt(3)) - 4, claim.Range!.Low, 10);
    }

    [Fact]
    public void Every_seed_far_outside_the_band_is_contradicted_and_one_seed_is_judged_on_its_own_range()
    {
        Assert.Equal(ClaimVerdict.Contradicted, ClaimAggregator.Aggregate([Seed(40), Seed(41), Seed(40.5)]).Verdict);
        var single = ClaimAggregator.Aggregate([Seed(30, below: 1, above: 2)]);
        Assert.Equal(new Interval(29, 32), single.Range);
        Assert.Equal(Verdicts.Judge(new Bounds(29, 32), new Bounds(27, 33)), single.Verdict);
    }

    [Fact]
    public void A_calibrated_claim_is_aggregated_without_a_verdict()
    {
        var calibrated = new ClaimView { Claim = "Fitted", Basis = ClaimBasis.Calibrated, PaperValue = 10, MeasuredValue = 10.1, Unit = "" };

        var claim = ClaimAggregator.Aggregate([calibrated, calibrated]);

        Assert.Null(claim.Verdict);
        Assert.Null(claim.Range);
        Assert.Equal(10.1, claim.Measured.Mean!.Value, 12);
    }
}
