using System.Text.Json;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Web.Components.Shared.Evidence;
using Platform.Workers.Runs;

namespace Platform.UnitTests.Web;

/// <summary>The dashboard's reading of stored summaries: the evidence shape in full, and the shape of runs stored before it.</summary>
public sealed class SummaryViewTests
{
    [Fact]
    public void A_stored_summary_reads_back_with_each_claims_basis_band_range_sensitivities_seeds_and_verdict()
    {
        var written = new RunSummary(new Dictionary<string, double> { ["geomean"] = 29.1 },
        [
            ClaimCheck.Predicted("geomean", 30, Bounds.Around(30, 3), "%", new ClaimEvidence(29.1, new Bounds(20, 37), ["Burstiness", "Floor"], Seeds: 5)),
            ClaimCheck.Calibrated("optimum", 1857, 1862, "tok/s/GPU", "fitted"),
            ClaimCheck.NotComparable("vs TensorRT-LLM", 1.9, null, "x", "not modelled"),
        ])
        {
            Assumptions = [Assumption.Declare("Burstiness", 4, 2, 8, "", "why")],
            Calibrations = [new Calibration("ComputeEfficiency", 0.82, "1,857 tok/s/GPU")],
        };

        var view = SummaryView.Read(JsonSerializer.SerializeToElement(written, SummaryJson.Options));

        var predicted = view.Claims[0];
        Assert.Equal((ClaimBasis.Predicted, ClaimVerdict.Inconclusive), (predicted.Basis!.Value, predicted.Verdict!.Value));
        Assert.Equal(new Interval(27, 33), predicted.Band);
        Assert.Equal(new Interval(20, 37), predicted.Range);
        Assert.Equal(["Burstiness", "Floor"], predicted.SensitiveTo);
        Assert.Equal(5, predicted.Seeds);
        Assert.Equal((ClaimBasis.Calibrated, (ClaimVerdict?)null), (view.Claims[1].Basis!.Value, view.Claims[1].Verdict));
        Assert.Equal((ClaimBasis.NotComparable, (double?)null), (view.Claims[2].Basis!.Value, view.Claims[2].MeasuredValue));
        Assert.Equal(("Burstiness", 4.0, 2.0, 8.0, "why"), (view.Assumptions[0].Name, view.Assumptions[0].Value, view.Assumptions[0].Low, view.Assumptions[0].High, view.Assumptions[0].Why));
        Assert.Equal(written.Calibrations, view.Calibrations);
        Assert.Equal(29.1, view.Metrics["geomean"]);
    }

    [Fact]
    public void A_summary_stored_before_claims_carried_a_basis_reads_with_its_old_verdicts_and_no_evidence()
    {
        const string Legacy = """
            { "metrics": { "speedup": 1.31, "diverged": "NaN" },
              "claims": [
                { "claim": "speed-up", "paperValue": 1.3, "measuredValue": 1.31, "unit": "x", "verdict": "partlySupported", "note": null },
                { "claim": "vs TensorRT-LLM", "paperValue": 1.9, "measuredValue": null, "unit": "x", "verdict": "notComparable" } ],
              "tables": [ { "title": "methods", "columns": ["method", "speed-up"], "rows": [["t3", 1.31], ["seq", null]] } ] }
            """;

        var view = SummaryView.Read(JsonDocument.Parse(Legacy).RootElement);

        Assert.All(view.Claims, c => Assert.Null(c.Basis));
        Assert.Equal([ClaimVerdict.PartlySupported, ClaimVerdict.NotComparable], view.Claims.Select(c => c.Verdict!.Value));
        Assert.All(view.Claims, c => Assert.True(c.Band is null && c.Range is null && c.Seeds is null && c.SensitiveTo.Count == 0));
        Assert.Empty(view.Assumptions);
        Assert.Empty(view.Calibrations);
        Assert.True(double.IsNaN(view.Metrics["diverged"]));
        Assert.Equal(JsonValueKind.Null, view.Tables[0].Rows[1][1].ValueKind);
    }

    [Fact]
    public void A_verdict_this_version_does_not_know_is_a_json_error_the_page_can_show()
    {
        var stored = JsonDocument.Parse("""{ "claims": [ { "claim": "c", "unit": "", "verdict": "maybe" } ] }""").RootElement;
        Assert.Throws<JsonException>(() => SummaryView.Read(stored));
    }
}
