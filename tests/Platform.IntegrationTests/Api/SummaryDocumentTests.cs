using System.Text.Json;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Api;

/// <summary>
/// The OpenAPI document describes a run's summary with the contract's types, in the words the summary is stored with;
/// the catalogue says what each family's headline run predicts and calibrates.
/// </summary>
public sealed class SummaryDocumentTests(WebOnlyApp fixture) : IClassFixture<WebOnlyApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_document_types_the_runs_summary_down_to_each_claims_basis_and_verdict()
    {
        using var document = JsonDocument.Parse(await fixture.App.Client.GetStringAsync("/openapi/v1.json", Ct));
        var schemas = new SchemaReader(document.RootElement);

        var summary = schemas.Property("RunDto", "summary");
        Assert.Equal(["assumptions", "calibrations", "claims", "metrics", "tables"], Names(summary).Order());

        var claim = schemas.Items(summary.GetProperty("properties").GetProperty("claims"));
        foreach (var field in new[] { "claim", "basis", "paperValue", "band", "measuredValue", "range", "sensitiveTo", "seeds", "unit", "verdict", "note" })
        {
            Assert.Contains(field, Names(claim));
        }

        Assert.Equal(["predicted", "calibrated", "not-comparable"], schemas.EnumWords(claim, "basis"));
        var verdicts = schemas.EnumWords(claim, "verdict");
        Assert.Equal(["supported", "inconclusive", "contradicted"], verdicts.Take(3));
        Assert.Contains("partlySupported", verdicts);
        Assert.Contains("low", Names(schemas.Resolve(claim.GetProperty("properties").GetProperty("band"))));
        Assert.Contains("high", Names(schemas.Resolve(claim.GetProperty("properties").GetProperty("range"))));

        var assumption = schemas.Items(summary.GetProperty("properties").GetProperty("assumptions"));
        Assert.Equal(["high", "low", "name", "unit", "value", "why"], Names(assumption).Where(n => n != "range").Order());
        var calibration = schemas.Items(summary.GetProperty("properties").GetProperty("calibrations"));
        Assert.Equal(["constant", "fittedTo", "value"], Names(calibration).Order());
    }

    [Fact]
    public async Task The_catalogue_lists_each_familys_predicted_claims_and_calibrations()
    {
        using var document = JsonDocument.Parse(await fixture.App.Client.GetStringAsync("/api/v1/families", Ct));
        var evidence = document.RootElement.EnumerateArray()
            .Single(f => f.GetProperty("kind").GetString() == EvidenceExperiment.KindName).GetProperty("evidence");

        Assert.Equal(["Geomean speed-up (test)", "Data moved less (test)"], evidence.GetProperty("predictedClaims").EnumerateArray().Select(c => c.GetString()));
        var calibration = evidence.GetProperty("calibrations")[0];
        Assert.Equal(("ComputeEfficiency", 0.82), (calibration.GetProperty("constant").GetString(), calibration.GetProperty("value").GetDouble()));
        // A family that has not declared its evidence says so with empty lists, not a missing field.
        var profile = document.RootElement.EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "hardware-profile");
        Assert.Equal(0, profile.GetProperty("evidence").GetProperty("predictedClaims").GetArrayLength());
    }

    private static IEnumerable<string> Names(JsonElement objectSchema) => objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name);
}
