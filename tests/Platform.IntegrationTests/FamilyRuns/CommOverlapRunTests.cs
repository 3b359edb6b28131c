using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.FamilyRuns;

/// <summary>A tiny comm-overlap sweep through the real queue, worker and database.</summary>
public sealed class CommOverlapRunTests(PostgresServer server)
{
    [Fact]
    public async Task A_tiny_sweep_runs_to_succeeded_with_claims_and_tables()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(new
        {
            kind = "comm-overlap",
            parameters = new { models = new[] { "t-nlg" }, sublayers = new[] { "op", "fc2" }, tpDegrees = new[] { 8 }, tokens = 1024, ganttSublayer = "op", assumptionSamples = 0 },
        });

        var done = await app.WaitForTerminalAsync(run.Id);

        Assert.True(done.State == RunState.Succeeded, done.Error);
        var summary = done.ReadSummary();
        Assert.Equal(2, summary.Metrics["cells"]);
        Assert.InRange(summary.Metrics["headline.tnlg-geomean-speedup"], 1.0, 2.0);
        Assert.Equal(5, summary.Claims.Count);
        Assert.Equal(3, summary.Tables.Count);
    }
}
