using System.Net;
using System.Net.Http.Json;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Api;

/// <summary>Runs executed by real workers, from submission to exactly one terminal state.</summary>
public sealed class RunLifecycleTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_submitted_run_runs_to_succeeded_with_its_summary_and_environment()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(Families.Counter(points: 25, keys: 2, seed: 99));

        var done = await app.WaitForTerminalAsync(run.Id);

        Assert.Equal(RunState.Succeeded, done.State);
        Assert.Equal(1, done.Attempt);
        Assert.Equal(1.0, done.Progress);
        Assert.NotNull(done.StartedAt);
        Assert.True(done.FinishedAt >= done.StartedAt);
        Assert.Null(done.Error);
        Assert.Equal(50, done.ReadSummary().Metrics["points"]);
        Assert.Equal(99, done.ReadSummary().Metrics["seed"]);
        Assert.Equal(64, done.Environment!.Value.GetProperty("configHash").GetString()!.Length);
    }

    [Fact]
    public async Task A_run_that_throws_fails_once_with_its_error_and_is_not_retried()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(Families.Counter(points: 10, failAtStep: 4));

        var done = await app.WaitForTerminalAsync(run.Id);

        Assert.Equal(RunState.Failed, done.State);
        Assert.Equal(1, done.Attempt);
        Assert.Contains("Deliberate failure at step 4", done.Error);
        Assert.Null(done.Summary);
    }

    [Fact]
    public async Task Cancelling_a_running_run_stops_it_and_it_ends_cancelled()
    {
        // A long lease: its heartbeat comes every 20 s, so a prompt stop can only come from the cancel notification.
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(),
            settings: new Dictionary<string, string> { ["Queue:LeaseDuration"] = "00:01:00" });
        var run = await app.SubmitAsync(Families.Blocking(seconds: 120));
        await app.WaitForRunAsync(run.Id, j => j.State == RunState.Running);

        using var cancel = await app.Client.PostAsync($"/api/v1/runs/{run.Id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

        var done = await app.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(10));
        Assert.Equal(RunState.Cancelled, done.State);
        Assert.NotNull(done.FinishedAt);
        Assert.True(done.CancelRequested);
    }

    [Fact]
    public async Task A_run_whose_worker_stopped_heart_beating_is_finished_by_another_worker()
    {
        var database = await server.CreateDatabaseAsync();
        await using var web = await TestApp.StartAsync(database, PlatformRole.Web);
        var run = await web.SubmitAsync(Families.Counter(points: 5));

        // A worker that claims the run and then dies: it never heart-beats again.
        var queue = (RunQueue)web.Services.GetService(typeof(RunQueue))!;
        var claimed = await queue.TryClaimAsync("dead-worker", [Support.CounterExperiment.KindName], TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(run.Id, claimed?.Id);

        await using var worker = await TestApp.StartAsync(database, PlatformRole.Worker);
        var done = await web.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(30));

        Assert.Equal(RunState.Succeeded, done.State);
        Assert.Equal(2, done.Attempt);
        Assert.Equal(2, done.Environment!.Value.GetProperty("attempt").GetInt32());
        Assert.NotEqual("dead-worker", done.Environment!.Value.GetProperty("worker").GetString());
        Assert.Equal(["LeaseExpired", "Succeeded"], done.Attempts!.Select(a => a.Outcome));
        Assert.Equal("dead-worker", done.Attempts![0].Worker);
        Assert.Contains("stopped heart-beating", done.Attempts[0].Error);
    }

    [Fact]
    public async Task Two_worker_processes_run_every_run_exactly_once()
    {
        var database = await server.CreateDatabaseAsync();
        await using var first = await TestApp.StartAsync(database, PlatformRole.All);
        await using var second = await TestApp.StartAsync(database, PlatformRole.Worker);
        var runs = new List<RunDto>();
        for (var i = 0; i < 20; i++)
        {
            runs.Add(await first.SubmitAsync(Families.Counter(points: 3, seed: i)));
        }

        var done = new List<RunDto>();
        foreach (var run in runs)
        {
            done.Add(await first.WaitForTerminalAsync(run.Id));
        }

        Assert.All(done, j => Assert.Equal((RunState.Succeeded, 1), (j.State, j.Attempt)));
        var workers = done.Select(j => j.Environment!.Value.GetProperty("worker").GetString()).Distinct().Count();
        Assert.InRange(workers, 1, 2);
        using var api = await second.Client.GetAsync("/api/v1/runs", Ct);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        using var health = await second.Client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Hardware_profile_measures_this_machine_with_torchsharp()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(new
        {
            kind = "hardware-profile",
            parameters = new { matrixSizes = new[] { 64, 128 }, repeats = 2, copyBufferMiB = 4, trainSteps = 3 },
        });

        var done = await app.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(60));

        Assert.Equal(RunState.Succeeded, done.State);
        var metrics = done.ReadSummary().Metrics;
        Assert.True(metrics["matmul.peak_gflops"] > 0);
        Assert.True(metrics["memcpy.peak_gbps"] > 0);
        var series = await app.Client.GetFromJsonAsync<Platform.Web.Api.MetricSeriesResponse>($"/api/v1/runs/{run.Id}/metrics", Json.Options, Ct);
        var matmul = Assert.Single(series!.Series, s => s.Key == "matmul.gflops");
        Assert.Equal([64.0, 128.0], matmul.Points.Select(p => p[0]));
    }
}
