using System.Net;
using System.Net.Http.Json;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Security;

/// <summary>Issue 19, item 7: an <c>Idempotency-Key</c> belongs to its owner and its body, and expires after 24 h.</summary>
public sealed class IdempotencyScopeTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_owners_key_never_returns_their_run_and_another_body_under_the_same_key_is_422()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        using var alice = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Runner, "alice"));
        using var mallory = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Runner, "mallory"));

        var (first, alicesRun) = await PostAsync(alice, "nightly-1", points: 5);
        Assert.Equal(HttpStatusCode.Created, first);
        var (retry, retried) = await PostAsync(alice, "nightly-1", points: 5);
        Assert.Equal(HttpStatusCode.OK, retry);
        Assert.Equal(alicesRun!.Id, retried!.Id);

        var (guess, mallorysRun) = await PostAsync(mallory, "nightly-1", points: 5);
        Assert.Equal(HttpStatusCode.Created, guess);
        Assert.NotEqual(alicesRun.Id, mallorysRun!.Id);

        var (changed, _) = await PostAsync(alice, "nightly-1", points: 6);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed);
    }

    [Fact]
    public async Task A_key_names_its_run_for_24_hours_of_the_injected_clock_then_makes_a_new_run()
    {
        await using var db = await MigratedDatabase.CreateAsync(server);
        var start = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        NewRun At(DateTimeOffset at) => MigratedDatabase.Run(idempotencyKey: "k") with
        {
            Owner = "key:abc", IdempotencyFingerprint = "same", SubmittedAt = at,
        };

        var (first, created) = await db.Queue.EnqueueAsync(At(start), Ct);
        Assert.True(created);
        Assert.Equal((first, false), await db.Queue.EnqueueAsync(At(start.AddHours(23)), Ct));
        var (later, createdLater) = await db.Queue.EnqueueAsync(At(start.AddHours(24)), Ct);
        Assert.True(createdLater);
        Assert.NotEqual(first, later);
    }

    private static async Task<(HttpStatusCode Status, RunDto? Run)> PostAsync(HttpClient client, string key, int points)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/runs")
        {
            Content = JsonContent.Create(new { kind = CounterExperiment.KindName, parameters = new { points }, seed = 1 }),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, Ct);
        var run = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct) : null;
        return (response.StatusCode, run);
    }
}
