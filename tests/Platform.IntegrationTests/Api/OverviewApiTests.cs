using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Core.Runs;
using Platform.Core.Workers;
using Platform.IntegrationTests.Support;
using Platform.Web.Api;

namespace Platform.IntegrationTests.Api;

/// <summary>What the overview reads, through the API: live workers, counts by state, runs finished per hour.</summary>
public sealed class OverviewApiTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Workers_lists_the_running_worker_with_its_run_and_hides_one_that_stopped_beating()
    {
        var database = await server.CreateDatabaseAsync();
        await using var app = await TestApp.StartAsync(database);
        var run = await app.SubmitAsync(Families.Blocking());
        await app.WaitForRunAsync(run.Id, j => j.State == RunState.Running);
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync(Ct);
            await using var stale = new NpgsqlCommand("""
                INSERT INTO workers (id, role, host, capacity, running, version, started_at, heartbeat_at)
                VALUES ('gone', 'worker', 'elsewhere', 4, 1, 'x', now() - interval '1 hour', now() - interval '1 minute')
                """, connection);
            await stale.ExecuteNonQueryAsync(Ct);
        }

        var workers = await app.Client.GetFromJsonAsync<List<WorkerDto>>("/api/v1/workers", Json.Options, Ct);

        var worker = Assert.Single(workers!);
        Assert.Equal("all", worker.Role);
        Assert.Equal(2, worker.Capacity);
        Assert.Equal([run.Id], worker.RunningRuns);
        Assert.InRange(worker.SecondsSinceHeartbeat, 0, WorkerReader.AliveWindow.TotalSeconds);
    }

    [Fact]
    public async Task Stats_count_every_state_and_bucket_finished_runs_by_hour()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), Platform.Core.Hosting.PlatformRole.Web);
        await app.SubmitAsync(Families.Counter());
        var cancelled = await app.SubmitAsync(Families.Counter());
        (await app.Client.PostAsync($"/api/v1/runs/{cancelled.Id}/cancel", null, Ct)).EnsureSuccessStatusCode();

        var stats = await app.Client.GetFromJsonAsync<QueueStats>("/api/v1/stats", Json.Options, Ct);

        Assert.Equal(Enum.GetValues<RunState>().Length, stats!.Counts.Count);
        Assert.Equal(1, stats.Counts[RunState.Queued]);
        Assert.Equal(1, stats.Counts[RunState.Cancelled]);
        Assert.Equal(0, stats.Counts[RunState.Succeeded]);
        Assert.Equal(StatsApi.DefaultHours, stats.FinishedPerHour.Count);
        Assert.Equal(1, stats.FinishedPerHour.Sum(b => b.Cancelled));
        Assert.Equal(1, stats.FinishedPerHour[^1].Total);
        Assert.True(stats.FinishedPerHour.Zip(stats.FinishedPerHour.Skip(1)).All(p => p.Second.Hour - p.First.Hour == TimeSpan.FromHours(1)));

        Assert.Equal(3, (await app.Client.GetFromJsonAsync<QueueStats>("/api/v1/stats?hours=3", Json.Options, Ct))!.FinishedPerHour.Count);
        foreach (var bad in new[] { "0", "x", "100000" })
        {
            using var response = await app.Client.GetAsync($"/api/v1/stats?hours={bad}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("hours", out _));
        }
    }
}
