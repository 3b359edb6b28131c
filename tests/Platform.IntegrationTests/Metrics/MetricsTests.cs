using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;
using Platform.Web.Api;
using Platform.Web.Hubs;

namespace Platform.IntegrationTests.Metrics;

/// <summary>Points logged by a run: stored completely and in order, served downsampled, streamed live.</summary>
public sealed class MetricsTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_point_a_run_logs_is_readable_afterwards_in_order()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        const int Points = 30_000;
        var run = await app.SubmitAsync(Families.Counter(points: Points, keys: 2));
        Assert.Equal(RunState.Succeeded, (await app.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(90))).State);

        var response = await app.Client.GetFromJsonAsync<MetricSeriesResponse>(
            $"/api/v1/runs/{run.Id}/metrics?maxPoints={MetricsApi.MaxMaxPoints}", Json.Options, Ct);

        Assert.Equal(["k0", "k1"], response!.Series.Select(s => s.Key));
        for (var key = 0; key < 2; key++)
        {
            var points = response.Series[key].Points;
            Assert.Equal(Points, points.Count);
            for (var step = 0; step < Points; step++)
            {
                Assert.Equal(step, points[step][0]);
                Assert.Equal(CounterExperiment.ValueAt(key, step), points[step][1]);
            }
        }

        var csv = await app.Client.GetStringAsync($"/api/v1/runs/{run.Id}/metrics.csv", Ct);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("key,step,value", lines[0]);
        Assert.Equal(2 * Points + 1, lines.Length);
        Assert.Equal("k1,29999,59998", lines[^1]);
    }

    [Fact]
    public async Task A_step_stored_twice_is_read_once_with_the_value_logged_last()
    {
        var database = await server.CreateDatabaseAsync();
        await using var app = await TestApp.StartAsync(database, PlatformRole.Web);
        var run = await app.SubmitAsync(Families.Counter(points: 1));
        await using (var connection = new Npgsql.NpgsqlConnection(database))
        {
            await connection.OpenAsync(Ct);
            // As a resumed attempt leaves it: steps 1 and 2 logged by the lost attempt, then again by the next one.
            await using var insert = new Npgsql.NpgsqlCommand("""
                INSERT INTO metric_points (run_id, key, step, value, at) VALUES
                  (@run, 'loss', 0, 1.0, now()), (@run, 'loss', 1, 0.9, now()), (@run, 'loss', 2, 0.8, now()),
                  (@run, 'loss', 1, 0.7, now()), (@run, 'loss', 2, 0.6, now()), (@run, 'loss', 3, 0.5, now())
                """, connection);
            insert.Parameters.AddWithValue("run", run.Id);
            await insert.ExecuteNonQueryAsync(Ct);
        }

        var response = await app.Client.GetFromJsonAsync<MetricSeriesResponse>($"/api/v1/runs/{run.Id}/metrics?key=loss", Json.Options, Ct);
        var csv = await app.Client.GetStringAsync($"/api/v1/runs/{run.Id}/metrics.csv", Ct);

        Assert.Equal([[0, 1.0], [1, 0.7], [2, 0.6], [3, 0.5]], response!.Series.Single().Points);
        Assert.Equal(4, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("loss,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task History_is_downsampled_to_max_points_keeping_the_extremes()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(Families.Counter(points: 5_000));
        await app.WaitForTerminalAsync(run.Id);

        var response = await app.Client.GetFromJsonAsync<MetricSeriesResponse>($"/api/v1/runs/{run.Id}/metrics?key=k0&maxPoints=300", Json.Options, Ct);

        var points = Assert.Single(response!.Series).Points;
        Assert.InRange(points.Count, 100, 300);
        Assert.Equal(0, points.Min(p => p[1]));
        Assert.Equal(4_999, points.Max(p => p[1]));
    }

    [Fact]
    public async Task Points_logged_in_another_process_reach_hub_subscribers_live_and_in_order()
    {
        var database = await server.CreateDatabaseAsync();
        await using var web = await TestApp.StartAsync(database, PlatformRole.Web);
        var run = await web.SubmitAsync(Families.Counter(points: 60, delayMs: 10));

        var received = new ConcurrentQueue<MetricPointMessage>();
        var states = new ConcurrentQueue<string>();
        var progress = new ConcurrentQueue<double>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(web.Address, "hubs/runs")).Build();
        hub.On<MetricsMessage>(nameof(IRunsClient.Metrics), m => { foreach (var p in m.Points) received.Enqueue(p); });
        hub.On<StateMessage>(nameof(IRunsClient.State), s => states.Enqueue(s.State));
        hub.On<ProgressMessage>(nameof(IRunsClient.Progress), p => progress.Enqueue(p.Progress));
        await hub.StartAsync(Ct);
        await hub.InvokeAsync(nameof(RunsHub.Subscribe), run.Id, Ct);

        // The run executes in a separate worker process; its points reach this web process through NOTIFY.
        await using var worker = await TestApp.StartAsync(database, PlatformRole.Worker);
        await web.WaitForTerminalAsync(run.Id);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((received.Count < 60 || !states.Contains("Succeeded") || !progress.Contains(1)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(Enumerable.Range(0, 60).Select(i => (long)i), received.Select(p => p.Step));
        Assert.All(received, p => Assert.Equal(CounterExperiment.ValueAt(0, p.Step), p.Value));
        Assert.Equal(["Running", "Succeeded"], states);
        // Progress comes as its own message, never as a state: the final 100% always lands.
        Assert.Equal(1, progress.Last());
        Assert.Equal(progress.Order(), progress);
    }
}
