using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;
using Platform.Web.Api;
using Platform.Workers;
using Platform.Workers.Runs;

namespace Platform.IntegrationTests.Reliability;

/// <summary>
/// Cancelling a run that sits in native code, which no cancellation token reaches: the run still ends
/// <c>Cancelled</c> within the grace, nothing the run does afterwards is recorded, its slot stays taken until the
/// thread returns, and a worker whose thread never returns stops itself so it can be restarted.
/// </summary>
public sealed class StuckRunCancellationTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("libc-sleep")]
    [InlineData("torch-matmul")]
    public async Task A_run_stuck_in_native_code_is_cancelled_within_the_grace_and_its_late_writes_are_refused(string native)
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.All,
            new Dictionary<string, string> { ["Workers:CancelGrace"] = "00:00:00.300", ["Workers:MaxConcurrentRuns"] = "1" });
        var run = await app.SubmitAsync(new { kind = StuckExperiment.KindName, parameters = new { native, seconds = 6, batch = 16 } });
        await WaitUntilAsync(() => StuckExperiment.InNative.GetValueOrDefault(run.Id), "the run never entered native code");

        using (var cancel = await app.Client.PostAsync($"/api/v1/runs/{run.Id}/cancel", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }

        var done = await app.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(30));
        Assert.Equal(RunState.Cancelled, done.State);
        Assert.Contains("abandoned", done.Error);
        Assert.True(StuckExperiment.InNative[run.Id], "the run should be settled while the native call is still running");
        var workers = app.Services.GetRequiredService<WorkerState>();
        Assert.Equal(1, workers.Running); // the thread still computes, so its slot is not handed to another run

        await WaitUntilAsync(() => workers.Running == 0, "the abandoned run's slot was never freed", TimeSpan.FromSeconds(120));
        Assert.False(StuckExperiment.InNative[run.Id]);
        Assert.Equal([0.0], (await PhasesAsync(app, run.Id)).Select(p => p[0])); // the write after the native call was refused
        Assert.Equal(RunState.Cancelled, (await app.GetRunAsync(run.Id)).State);
    }

    [Fact]
    public async Task A_worker_whose_abandoned_run_never_returns_stops_itself_with_a_restartable_exit_code()
    {
        var database = await server.CreateDatabaseAsync();
        await using var web = await TestApp.StartAsync(database, PlatformRole.Web);
        var run = await web.SubmitAsync(new { kind = StuckExperiment.KindName, parameters = new { native = "libc-sleep", seconds = 600 } });
        await using var worker = WorkerProcess.Start(database, new Dictionary<string, string>
        {
            ["Workers:CancelGrace"] = "00:00:00.300",
            ["Workers:StuckRunLimit"] = "00:00:01",
        });
        // The run logs its first point just before it calls sleep(3).
        // A worker process starting on a busy 2-core machine has taken over a minute: wait as long as it needs.
        await WaitUntilAsync(async () => (await PhasesAsync(web, run.Id)).Count > 0, "the worker never started the run", TimeSpan.FromMinutes(4));
        await Task.Delay(300, Ct);

        using (var cancel = await web.Client.PostAsync($"/api/v1/runs/{run.Id}/cancel", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }

        Assert.Equal(RunState.Cancelled, (await web.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(30))).State);
        Assert.Equal(StuckRunWatchdog.ExitCode, await worker.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }

    private static async Task<IReadOnlyList<double[]>> PhasesAsync(TestApp app, Guid id)
    {
        var read = await app.Client.GetFromJsonAsync<MetricSeriesResponse>($"/api/v1/runs/{id}/metrics?key=phase", Json.Options, Ct);
        return read!.Series.SingleOrDefault()?.Points ?? [];
    }

    private static Task WaitUntilAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), because, timeout);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, because);
            await Task.Delay(50, Ct);
        }
    }
}
