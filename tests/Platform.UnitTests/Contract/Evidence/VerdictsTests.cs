using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;

namespace Platform.UnitTests.Contract.Evidence;

public sealed class VerdictsTests
{
    [Theory]
    [InlineData(28, 32, ClaimVerdict.Supported)]
    [InlineData(27, 33, ClaimVerdict.Supported)]
    [InlineData(20, 28, ClaimVerdict.Inconclusive)]
    [InlineData(26.9, 33, ClaimVerdict.Inconclusive)]
    [InlineData(33.1, 40, ClaimVerdict.Contradicted)]
    [InlineData(10, 26.99, ClaimVerdict.Contradicted)]
    public void A_range_is_supported_only_inside_the_band_and_contradicted_only_wholly_outside(double low, double high, ClaimVerdict expected) =>
        Assert.Equal(expected, Verdicts.Judge(new Bounds(low, high), Bounds.Around(30, 3)));

    [Fact]
    public void Calibrated_and_not_comparable_claims_carry_no_verdict()
    {
        Assert.Null(ClaimCheck.Calibrated("optimum", 1857, 1857, "tok/s", "fitted: efficiency").Verdict);
        Assert.Null(ClaimCheck.NotComparable("gain over TensorRT-LLM", 1.91, 1.2, "x", "not modelled").Verdict);
    }

    [Fact]
    public void A_predicted_claim_is_judged_over_its_range_not_its_assumed_value()
    {
        var evidence = new ClaimEvidence(30, new Bounds(20, 37), ["GemmBurstiness"]);

        var claim = ClaimCheck.Predicted("T-NLG geomean", 30, Bounds.Around(30, 3), "%", evidence);

        Assert.Equal(ClaimVerdict.Inconclusive, claim.Verdict);
        Assert.Contains("GemmBurstiness", claim.Note);
    }

    [Fact]
    public void Seeds_widen_the_range_and_average_the_value()
    {
        var merged = ClaimEvidence.AcrossSeeds([new ClaimEvidence(1, new Bounds(0.5, 1.5), ["a"]), new ClaimEvidence(3, new Bounds(2, 4), ["b", "a"])]);

        Assert.Equal(2, merged.Measured);
        Assert.Equal(new Bounds(0.5, 4), merged.Range);
        Assert.Equal(["a", "b"], merged.SensitiveTo);
        Assert.Equal(2, merged.Seeds);
    }

    [Fact]
    public void Bounds_read_back_from_the_stored_summary_as_written()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);

        var json = System.Text.Json.JsonSerializer.Serialize(new Bounds(27, 33), options);

        Assert.Equal("{\"low\":27,\"high\":33}", json);
        Assert.Equal(new Bounds(27, 33), System.Text.Json.JsonSerializer.Deserialize<Bounds>(json, options));
    }

    [Theory]
    [InlineData(ClaimVerdict.PartlySupported)]
    [InlineData(ClaimVerdict.NotSupported)]
    [InlineData(ClaimVerdict.NotComparable)]
    public void A_run_cannot_report_a_verdict_of_the_stored_legacy_kind(ClaimVerdict legacy) =>
        Assert.Throws<ArgumentException>(() =>
            new ClaimCheck("c", ClaimBasis.Predicted, 1, Bounds.Around(1, 0.1), 1, Bounds.Point(1), [], 1, "", legacy, null));
}
