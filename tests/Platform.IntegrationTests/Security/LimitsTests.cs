using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Security;

/// <summary>Each limit, breached: a clear 4xx problem document (or a failed run naming the limit), never a crash.</summary>
public sealed class LimitsTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_body_over_the_size_limit_gets_413_and_writes_nothing()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web,
            new Dictionary<string, string> { ["Limits:MaxRequestBodyBytes"] = "4096" });
        using var runner = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Runner));
        var tags = Enumerable.Range(0, 1000).Select(i => $"tag-{i}").ToArray();
        var body = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { kind = CounterExperiment.KindName, tags }), Encoding.UTF8, "application/json");

        using var response = await runner.PostAsync("/api/v1/runs", body, Ct);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, (await runner.GetFromJsonAsync<RunList>("/api/v1/runs", Json.Options, Ct))!.Total);
    }

    [Fact]
    public async Task Submissions_over_the_rate_limit_get_429_with_retry_after_per_key()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web,
            new Dictionary<string, string> { ["Limits:SubmissionsPerMinute"] = "3" });
        using var first = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Runner, "first"));
        using var second = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Runner, "second"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await first.PostAsJsonAsync("/api/v1/runs", Families.Counter(seed: i), Ct)).StatusCode);
        }

        using var refused = await first.PostAsJsonAsync("/api/v1/runs", Families.Counter(), Ct);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter is not null, "a 429 says when to retry");
        // The limit is per key: another key is not held back by the first one's burst.
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsJsonAsync("/api/v1/runs", Families.Counter(), Ct)).StatusCode);
        Assert.Equal(4, (await first.GetFromJsonAsync<RunList>("/api/v1/runs", Json.Options, Ct))!.Total);
    }

    [Fact]
    public async Task An_owner_at_its_queued_cap_gets_429_until_a_run_leaves_the_queue()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web,
            new Dictionary<string, string> { ["Limits:MaxQueuedRunsPerOwner"] = "2" });
        using var runner = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Runner));
        var submitted = new List<RunDto>();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await runner.PostAsJsonAsync("/api/v1/runs", Families.Counter(seed: i), Ct);
            submitted.Add((await ok.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!);
        }

        using var refused = await runner.PostAsJsonAsync("/api/v1/runs", Families.Counter(), Ct);
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("2 queued runs", problem.GetProperty("detail").GetString());
        Assert.Equal(2, (await runner.GetFromJsonAsync<RunList>("/api/v1/runs", Json.Options, Ct))!.Total);

        await runner.PostAsync($"/api/v1/runs/{submitted[0].Id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.Created, (await runner.PostAsJsonAsync("/api/v1/runs", Families.Counter(), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_run_over_the_metric_point_cap_fails_with_an_error_naming_the_limit()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), settings: new Dictionary<string, string> { ["Limits:MaxMetricPointsPerRun"] = "50" });
        using var runner = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Runner));
        using var response = await runner.PostAsJsonAsync("/api/v1/runs", Families.Counter(points: 100), Ct);
        var run = (await response.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!;

        var done = await WaitForTerminalAsync(runner, run.Id);
        Assert.Equal(RunState.Failed, done.State);
        Assert.Contains("Limits:MaxMetricPointsPerRun", done.Error);
        Assert.Equal(1, done.Attempt);
    }

    [Fact]
    public async Task A_run_saving_an_artifact_over_the_size_cap_fails_with_an_error_naming_the_limit()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), settings: new Dictionary<string, string> { ["Limits:MaxArtifactBytes"] = "1000" });
        using var runner = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Runner));
        using var small = await runner.PostAsJsonAsync("/api/v1/runs", new { kind = ArtifactExperiment.KindName, parameters = new { bytes = 1000 } }, Ct);
        using var large = await runner.PostAsJsonAsync("/api/v1/runs", new { kind = ArtifactExperiment.KindName, parameters = new { bytes = 1001 } }, Ct);

        var fits = await WaitForTerminalAsync(runner, (await small.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!.Id);
        var tooBig = await WaitForTerminalAsync(runner, (await large.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!.Id);
        Assert.Equal(RunState.Succeeded, fits.State);
        Assert.Equal(RunState.Failed, tooBig.State);
        Assert.Contains("Limits:MaxArtifactBytes", tooBig.Error);
    }

    private static async Task<RunDto> WaitForTerminalAsync(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = (await client.GetFromJsonAsync<RunDto>($"/api/v1/runs/{id}", Json.Options, Ct))!;
            if (run.State.IsTerminal() || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(50, Ct);
        }
    }
}
