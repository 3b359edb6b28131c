using System.Net;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.Core.Studies;
using Platform.IntegrationTests.Reliability;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Studies;

/// <summary>Studies run by real workers: every run once across two worker processes, and cancel reaching running runs.</summary>
public sealed class StudyExecutionTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_study_completes_on_two_worker_processes_with_each_run_run_once()
    {
        var database = await server.CreateDatabaseAsync();
        await using var web = await TestApp.StartAsync(database, PlatformRole.Web);
        var study = await web.Client.SubmitStudyAsync(new
        {
            kind = ResumableExperiment.KindName,
            seeds = 5,
            sweep = new { grid = new { steps = new[] { 2, 3, 4, 5 } } },
        });
        Assert.Equal(20, study.RunCount);

        var settings = new Dictionary<string, string> { ["Workers:PollInterval"] = "00:00:00.500" };
        await using var first = WorkerProcess.Start(database, settings);
        await using var second = WorkerProcess.Start(database, settings);
        var done = await web.Client.WaitForStudyAsync(study.Id, TimeSpan.FromMinutes(3));

        Assert.True(done.State == StudyState.Succeeded, $"{done.State}: {done.Progress}\n{first.Output}\n{second.Output}");
        Assert.Equal(20, done.Progress.Succeeded);
        var runs = await web.Client.GetStudyRunsAsync(study.Id);
        Assert.All(runs, r => Assert.Equal(1, r.Attempt));
        foreach (var run in runs)
        {
            Assert.Single((await web.GetRunAsync(run.Id)).Attempts!);
        }

        using var aggregates = System.Text.Json.JsonDocument.Parse(await web.Client.GetStringAsync($"/api/v1/studies/{study.Id}/aggregates", Ct));
        var points = aggregates.RootElement.GetProperty("points");
        Assert.Equal(4, points.GetArrayLength());
        Assert.All(points.EnumerateArray(), p => Assert.Equal(5, p.GetProperty("succeeded").GetInt32()));
    }

    [Fact]
    public async Task Cancelling_a_study_stops_its_running_runs_and_cancels_the_queued_rest()
    {
        var database = await server.CreateDatabaseAsync();
        await using var app = await TestApp.StartAsync(database);
        var study = await app.Client.SubmitStudyAsync(new { kind = BlockingExperiment.KindName, seeds = 5, parameters = new { seconds = 120 } });
        // Two run at once (TestApp's Workers:MaxConcurrentRuns); wait for them so the cancel meets both kinds of run.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await app.Client.GetStudyAsync(study.Id)).Progress.Running < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "two runs of the study should have started");
            await Task.Delay(100, Ct);
        }

        using var cancel = await app.Client.PostAsync($"/api/v1/studies/{study.Id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var done = await app.Client.WaitForStudyAsync(study.Id, TimeSpan.FromSeconds(60));

        Assert.Equal(StudyState.Cancelled, done.State);
        Assert.Equal(5, done.Progress.Cancelled);
        Assert.All(await app.Client.GetStudyRunsAsync(study.Id), r => Assert.Equal(RunState.Cancelled, r.State));
    }
}
