using System.Net.Http.Json;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;
using Platform.Web.Api;

namespace Platform.IntegrationTests.FamilyRuns;

/// <summary>A tiny serving-throughput simulation through the real queue, workers and database.</summary>
public sealed class ServingThroughputRunTests(PostgresServer server)
{
    [Fact]
    public async Task A_tiny_simulation_runs_through_the_queue_to_its_claims_and_gantt()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(new
        {
            kind = "serving-throughput",
            parameters = new { mode = "simulate", denseBatch = 1024, engines = new[] { "sequential", "nanoflow-search" }, searchCandidates = 30, assumptionSamples = 0 },
        });

        var done = await app.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(90));

        Assert.Equal(RunState.Succeeded, done.State);
        var summary = done.ReadSummary();
        Assert.True(summary.Metrics["gain_over_sequential.nanoflow-search"] >= 1);
        Assert.Equal(1857.0, summary.Claims[0].PaperValue);
        var artifacts = await app.Client.GetFromJsonAsync<List<Platform.Core.Artifacts.ArtifactInfo>>($"/api/v1/runs/{run.Id}/artifacts", Json.Options, TestContext.Current.CancellationToken);
        Assert.Contains(artifacts!, a => a.Name == "gantt-nanoflow-search.gantt.json");
        var series = await app.Client.GetFromJsonAsync<MetricSeriesResponse>($"/api/v1/runs/{run.Id}/metrics", Json.Options, TestContext.Current.CancellationToken);
        Assert.Contains(series!.Series, s => s.Key == "search/best-tokens-per-s");
    }
}
