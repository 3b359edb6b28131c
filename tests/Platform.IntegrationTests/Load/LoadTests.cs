using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.Core.Security;
using Platform.IntegrationTests.Security;
using Platform.IntegrationTests.Support;
using Platform.Web.Hubs;

namespace Platform.IntegrationTests.Load;

/// <summary>
/// The short form of the load test (the full one, with timings, is <c>bench/run --only load</c>): many keyed clients
/// at once against enforced security and the default limits. Correctness only; nothing here asserts a time.
/// </summary>
public sealed class LoadTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hundred_runs_submitted_at_once_by_twenty_keys_each_run_exactly_once_on_two_competing_hosts()
    {
        const int Clients = 20, RunsPerClient = 10;
        var database = await server.CreateDatabaseAsync();
        await using var app = await SecureApp.StartAsync(database);
        await using var rival = await TestApp.StartAsync(database, PlatformRole.Worker);
        var keys = new List<string>();
        for (var c = 0; c < Clients; c++)
        {
            keys.Add(await app.CreateKeyAsync(AccessRole.Runner, $"client-{c}"));
        }

        var accepted = (await Task.WhenAll(keys.Select(key => Task.Run(() => SubmitAsync(app, key, RunsPerClient), Ct)))).SelectMany(ids => ids).ToList();
        await WaitForFinishedAsync(app, Clients * RunsPerClient);

        // Each run logs one point per execution, and points are stored as plain rows: a second run would leave two.
        var runs = await ReadRunsAsync(app);
        Assert.Equal(accepted.Order(), runs.Select(j => j.Id).Order());
        Assert.All(runs, j => Assert.Equal(("Succeeded", 1, 1L, 1L), (j.State, j.Attempt, j.AttemptRows, j.PointRows)));
    }

    [Fact]
    public async Task Twenty_keyed_hub_subscribers_each_receive_every_point_of_a_live_run_once_and_in_order()
    {
        const int Subscribers = 20, Points = 200, Keys = 2;
        var database = await server.CreateDatabaseAsync();
        await using var web = await SecureApp.StartAsync(database, PlatformRole.Web);
        using var runner = web.ClientWithKey(await web.CreateKeyAsync(AccessRole.Runner));
        using var submitted = await runner.PostAsJsonAsync("/api/v1/runs", Families.Counter(points: Points, keys: Keys, delayMs: 2), Ct);
        var run = (await submitted.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!;
        // Half present their key as browsers must (?access_token=), half as a bearer header, as the .NET client does.
        var watchers = await Task.WhenAll(Enumerable.Range(0, Subscribers).Select(async s =>
            await WatchAsync(web, await web.CreateKeyAsync(AccessRole.Viewer, $"viewer-{s}"), run.Id, inQuery: s % 2 == 0)));
        try
        {
            // No worker until every client is subscribed: the run is still queued, so none can miss its first point.
            await using var worker = await TestApp.StartAsync(database, PlatformRole.Worker);
            await WaitForFinishedAsync(web, 1);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (watchers.Any(w => w.Points.Count < Points * Keys) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, Ct);
            }
        }
        finally
        {
            await Task.WhenAll(watchers.Select(w => w.Connection.DisposeAsync().AsTask()));
        }

        Assert.Equal(RunState.Succeeded, (await runner.GetFromJsonAsync<RunDto>($"/api/v1/runs/{run.Id}", Json.Options, Ct))!.State);
        var expected = Enumerable.Range(0, Points).Select(step => (long)step).ToList();
        Assert.All(watchers, w =>
        {
            for (var key = 0; key < Keys; key++)
            {
                var series = w.Points.Where(p => p.Key == $"k{key}").ToList();
                Assert.Equal(expected, series.Select(p => p.Step));
                Assert.All(series, p => Assert.Equal(CounterExperiment.ValueAt(key, p.Step), p.Value));
            }
        });
    }

    [Fact]
    public async Task A_burst_of_submissions_larger_than_the_connection_pool_waits_for_connections_instead_of_failing()
    {
        // Three pooled connections, one of them held by the NOTIFY listener: twenty submitters at once can only all
        // succeed if none holds a connection while it waits for another.
        const int Clients = 20, RunsPerClient = 3;
        var database = await server.CreateDatabaseAsync() + ";Maximum Pool Size=3";
        await using var app = await SecureApp.StartAsync(database, PlatformRole.Web);
        var keys = new List<string>();
        for (var c = 0; c < Clients; c++)
        {
            keys.Add(await app.CreateKeyAsync(AccessRole.Runner, $"client-{c}"));
        }

        var accepted = await Task.WhenAll(keys.Select(key => Task.Run(() => SubmitAsync(app, key, RunsPerClient), Ct)));

        Assert.Equal(Clients * RunsPerClient, accepted.Sum(ids => ids.Count));
        Assert.Equal(Clients * RunsPerClient, await ScalarAsync(app, "SELECT count(*) FROM runs"));
    }

    private static async Task<List<Guid>> SubmitAsync(TestApp app, string key, int count)
    {
        using var client = app.ClientWithKey(key);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/runs", Families.Counter(points: 1), Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!.Id);
        }

        return ids;
    }

    private static async Task<(HubConnection Connection, ConcurrentQueue<MetricPointMessage> Points)> WatchAsync(
        TestApp app, string key, Guid runId, bool inQuery)
    {
        var points = new ConcurrentQueue<MetricPointMessage>();
        var connection = (inQuery
                ? new HubConnectionBuilder().WithUrl(new Uri(app.Address, $"{RunsHub.Path}?access_token={Uri.EscapeDataString(key)}"))
                : new HubConnectionBuilder().WithUrl(new Uri(app.Address, RunsHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(key)))
            .Build();
        connection.On<MetricsMessage>(nameof(IRunsClient.Metrics), m => { foreach (var p in m.Points) points.Enqueue(p); });
        await connection.StartAsync(Ct);
        await connection.InvokeAsync(nameof(RunsHub.Subscribe), runId, Ct);
        return (connection, points);
    }

    private static async Task WaitForFinishedAsync(TestApp app, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await ScalarAsync(app, "SELECT count(*) FROM runs WHERE state IN ('Succeeded', 'Failed', 'Cancelled')") < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not all {count} runs finished within 60 s.");
            await Task.Delay(50, Ct);
        }
    }

    private static async Task<long> ScalarAsync(TestApp app, string sql)
    {
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<List<(Guid Id, string State, int Attempt, long AttemptRows, long PointRows)>> ReadRunsAsync(TestApp app)
    {
        const string Sql = """
            SELECT j.id, j.state, j.attempt,
                   (SELECT count(*) FROM run_attempts a WHERE a.run_id = j.id),
                   (SELECT count(*) FROM metric_points p WHERE p.run_id = j.id)
            FROM runs j
            """;
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var runs = new List<(Guid, string, int, long, long)>();
        while (await reader.ReadAsync(Ct))
        {
            runs.Add((reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return runs;
    }
}
