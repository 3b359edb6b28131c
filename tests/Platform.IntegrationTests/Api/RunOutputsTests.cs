using System.Net;
using System.Net.Http.Json;
using Platform.Core.Artifacts;
using Platform.Core.Runs;
using Platform.Core.Logs;
using Platform.IntegrationTests.Support;
using Platform.Web.Api;

namespace Platform.IntegrationTests.Api;

/// <summary>Checkpoints, artifacts and log lines, through a retried run.</summary>
public sealed class RunOutputsTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_run_retried_after_an_infrastructure_fault_resumes_from_its_checkpoint()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(new { kind = ResumableExperiment.KindName, parameters = new { steps = 10, faultAfterStep = 3 } });

        var done = await app.WaitForTerminalAsync(run.Id);

        Assert.Equal((RunState.Succeeded, 2), (done.State, done.Attempt));
        Assert.Equal(4, done.ReadSummary().Metrics["start"]);
        var series = await app.Client.GetFromJsonAsync<MetricSeriesResponse>($"/api/v1/runs/{run.Id}/metrics", Json.Options, Ct);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i), Assert.Single(series!.Series).Points.Select(p => p[0]));

        var artifacts = await app.Client.GetFromJsonAsync<List<ArtifactInfo>>($"/api/v1/runs/{run.Id}/artifacts", Json.Options, Ct);
        var result = Assert.Single(artifacts!);
        Assert.Equal(("result.txt", "text/plain"), (result.Name, result.ContentType));
        Assert.Equal("resumed from 4", await app.Client.GetStringAsync($"/api/v1/runs/{run.Id}/artifacts/result.txt", Ct));

        var log = await app.Client.GetFromJsonAsync<List<RunLogEntry>>($"/api/v1/runs/{run.Id}/logs", Json.Options, Ct);
        Assert.Equal(["Attempt 1 starts at step 0", "Attempt 2 starts at step 4"], log!.Select(l => l.Message));
    }

    [Fact]
    public async Task Missing_artifacts_and_bad_log_queries_are_refused()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), Platform.Core.Hosting.PlatformRole.Web);
        var run = await app.SubmitAsync(Families.Counter());

        using var missing = await app.Client.GetAsync($"/api/v1/runs/{run.Id}/artifacts/none.bin", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var badLast = await app.Client.GetAsync($"/api/v1/runs/{run.Id}/logs?last=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badLast.StatusCode);
        Assert.Empty((await app.Client.GetFromJsonAsync<List<ArtifactInfo>>($"/api/v1/runs/{run.Id}/artifacts", Json.Options, Ct))!);
    }
}
