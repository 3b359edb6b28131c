using System.Net.Http.Json;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.Core.Metrics;
using Platform.IntegrationTests.Support;
using Platform.Web.Api;

namespace Platform.IntegrationTests.Reliability;

/// <summary>
/// A real worker process that dies (SIGKILL) or is stopped (SIGTERM) mid-run: its run is resumed elsewhere from its
/// checkpoint, complete, and succeeds once.
/// </summary>
public sealed class WorkerLossTests(PostgresServer server)
{
    private const int Steps = 150;

    private static readonly Dictionary<string, string> s_shortLeases = new()
    {
        ["Queue:LeaseDuration"] = "00:00:03",
        ["Workers:ReaperInterval"] = "00:00:00.500",
        ["Workers:PollInterval"] = "00:00:00.500",
    };

    [Fact]
    public async Task A_run_on_a_killed_worker_resumes_from_its_checkpoint_elsewhere_with_every_step_once()
    {
        var database = await server.CreateDatabaseAsync();
        await using var web = await TestApp.StartAsync(database, PlatformRole.Web, s_shortLeases);
        var run = await web.SubmitAsync(new { kind = ResumableExperiment.KindName, parameters = new { steps = Steps, delayMs = 20 } });

        await using (var doomed = WorkerProcess.Start(database, s_shortLeases))
        {
            // Let it get a few checkpoints in (each step is short, so several fall inside one 200 ms metric batch), then
            // kill it without warning.
            await WaitForStepAsync(web, run.Id, 10);
            await doomed.KillAsync();
        }

        Assert.Equal(RunState.Running, (await web.GetRunAsync(run.Id)).State);
        await using var rescuer = await TestApp.StartAsync(database, PlatformRole.Worker, s_shortLeases);
        var done = await web.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(90));

        Assert.Equal(RunState.Succeeded, done.State);
        Assert.Equal(2, done.Attempt);
        Assert.True(done.ReadSummary().Metrics["start"] >= 10, "the second attempt should resume, not restart");
        var steps = (await StepSeriesAsync(web, run.Id)).Select(p => (long)p[0]).ToList();
        Assert.Equal(Enumerable.Range(0, Steps).Select(i => (long)i), steps);
        var attempts = (await web.GetRunAsync(run.Id)).Attempts!;
        Assert.Equal(2, attempts.Count);
        Assert.Single(attempts, a => a.Outcome == "Succeeded");
    }

    [Fact]
    public async Task A_worker_stopped_gracefully_lets_its_run_reach_a_checkpoint_hands_it_back_and_another_completes_it()
    {
        const int checkpointEvery = 25;
        var database = await server.CreateDatabaseAsync();
        await using var web = await TestApp.StartAsync(database, PlatformRole.Web, s_shortLeases);
        var run = await web.SubmitAsync(new { kind = ResumableExperiment.KindName, parameters = new { steps = Steps, delayMs = 20, checkpointEvery } });

        string output;
        await using (var stopping = WorkerProcess.Start(database, s_shortLeases))
        {
            // Past the first checkpoint, so the run has one to reach: stopped now, it would lose the steps since.
            await WaitForStepAsync(web, run.Id, checkpointEvery + 5);
            await stopping.StopAsync(TimeSpan.FromSeconds(30));
            output = stopping.Output;
        }

        // Handed back at once (no lease to wait for), not finished, and the attempt not used up.
        var handedBack = await web.GetRunAsync(run.Id);
        Assert.True(handedBack.State == RunState.Queued, $"{handedBack.State}; the worker said:\n{output}");
        Assert.Null(handedBack.FinishedAt);
        var stepsDone = (await StepSeriesAsync(web, run.Id)).Count;
        await using var rescuer = await TestApp.StartAsync(database, PlatformRole.Worker, s_shortLeases);
        var done = await web.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(90));

        Assert.Equal(RunState.Succeeded, done.State);
        // The run kept going to its next checkpoint and stopped right there: the next attempt starts where the
        // stored steps end, so no step was lost or done twice.
        var start = done.ReadSummary().Metrics["start"];
        Assert.True(start >= 2 * checkpointEvery, $"the run should have reached its next checkpoint (resumed from {start})");
        Assert.Equal(stepsDone, start);
        Assert.Equal(Enumerable.Range(0, Steps).Select(i => (long)i), (await StepSeriesAsync(web, run.Id)).Select(p => (long)p[0]));
        Assert.Single((await web.GetRunAsync(run.Id)).Attempts!, a => a.Outcome == "Succeeded");
    }

    private static async Task WaitForStepAsync(TestApp app, Guid id, int step)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await StepSeriesAsync(app, id)).Count < step)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the worker process did not reach step {step} in time");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<IReadOnlyList<double[]>> StepSeriesAsync(TestApp app, Guid id)
    {
        var response = await app.Client.GetFromJsonAsync<MetricSeriesResponse>(
            $"/api/v1/runs/{id}/metrics?key=step&maxPoints=100000", Json.Options, TestContext.Current.CancellationToken);
        return response!.Series.SingleOrDefault()?.Points ?? [];
    }
}
