using System.Text.Json;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Api;

/// <summary>A run's summary through the API carries the evidence behind each claim, as the contract wrote it.</summary>
public sealed class SummaryEvidenceTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_finished_runs_summary_carries_each_claims_basis_band_range_and_the_assumptions_and_calibrations()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(Families.Evidence());
        Assert.Equal(RunState.Succeeded, (await app.WaitForTerminalAsync(run.Id)).State);

        using var document = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/v1/runs/{run.Id}", Ct));
        var summary = document.RootElement.GetProperty("summary");
        var claims = summary.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(["predicted", "predicted", "calibrated", "not-comparable"], claims.Select(c => c.GetProperty("basis").GetString()));
        Assert.Equal(["inconclusive", "supported", null, null], claims.Select(c => c.GetProperty("verdict").GetString()));

        var geomean = claims[0];
        Assert.Equal((27.0, 33.0), (geomean.GetProperty("band").GetProperty("low").GetDouble(), geomean.GetProperty("band").GetProperty("high").GetDouble()));
        Assert.Equal((20.0, 37.0), (geomean.GetProperty("range").GetProperty("low").GetDouble(), geomean.GetProperty("range").GetProperty("high").GetDouble()));
        Assert.Equal(["GemmBurstiness", "McaFloor"], geomean.GetProperty("sensitiveTo").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(5, geomean.GetProperty("seeds").GetInt32());
        Assert.Equal(JsonValueKind.Null, claims[2].GetProperty("band").ValueKind);

        var assumption = summary.GetProperty("assumptions")[0];
        Assert.Equal(("GemmBurstiness", 4.0, 2.0, 8.0), (assumption.GetProperty("name").GetString(), assumption.GetProperty("value").GetDouble(),
            assumption.GetProperty("low").GetDouble(), assumption.GetProperty("high").GetDouble()));
        Assert.False(string.IsNullOrEmpty(assumption.GetProperty("why").GetString()));
        var calibration = summary.GetProperty("calibrations")[0];
        Assert.Equal(("ComputeEfficiency", 0.82, "1,857 tok/s/GPU"),
            (calibration.GetProperty("constant").GetString(), calibration.GetProperty("value").GetDouble(), calibration.GetProperty("fittedTo").GetString()));
    }
}
