using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;
using Platform.Web.Hubs;

namespace Platform.IntegrationTests.Security;

/// <summary>With security enforced: keys, roles and ownership on the API and the hub.</summary>
public sealed class ApiKeyTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/api/v1/runs")]
    [InlineData("GET", "/api/v1/families")]
    [InlineData("POST", "/api/v1/runs")]
    [InlineData("GET", "/openapi/v1.json")]
    [InlineData("POST", "/hubs/runs/negotiate?negotiateVersion=1")]
    public async Task Anonymous_requests_get_401_problem_details(string method, string url)
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { kind = CounterExperiment.KindName });
        }

        using var response = await app.Client.SendAsync(request, Ct);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await CountRunsAsync(app));
    }

    [Fact]
    public async Task Health_and_the_sign_in_page_are_open_and_other_pages_redirect_to_sign_in()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        Assert.Equal(HttpStatusCode.OK, (await noRedirect.GetAsync("/health/live", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await noRedirect.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await noRedirect.GetAsync("/account/signin", Ct)).StatusCode);
        using var page = await noRedirect.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/signin", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_viewer_reads_but_may_neither_submit_nor_cancel()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        using var runner = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Runner));
        using var viewer = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Viewer), asHeader: true);
        var run = await SubmitAsync(runner);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/runs/{run.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/runs", Ct)).StatusCode);
        using var submit = await viewer.PostAsJsonAsync("/api/v1/runs", Families.Counter(), Ct);
        await ProblemAssert.IsProblemAsync(submit, HttpStatusCode.Forbidden);
        using var cancel = await viewer.PostAsync($"/api/v1/runs/{run.Id}/cancel", null, Ct);
        await ProblemAssert.IsProblemAsync(cancel, HttpStatusCode.Forbidden);
        Assert.Equal(1, await CountRunsAsync(app));
        Assert.Equal(RunState.Queued, (await GetAsync(viewer, run.Id)).State);
    }

    [Fact]
    public async Task A_runner_is_recorded_as_owner_and_cancels_only_its_own_runs_while_an_admin_cancels_any()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var aliceKey = await app.CreateKeyAsync(AccessRole.Runner, "alice");
        using var alice = app.ClientWithKey(aliceKey);
        using var bob = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Runner, "bob"));
        using var admin = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Admin, "admin"));
        var alicesRun = await SubmitAsync(alice);
        var bobsRun = await SubmitAsync(bob);
        Assert.True(ApiKeySecret.TryParse(aliceKey, out var aliceLookup, out _));
        Assert.Equal("key:" + aliceLookup, alicesRun.Owner);

        using var bobCancelsAlices = await bob.PostAsync($"/api/v1/runs/{alicesRun.Id}/cancel", null, Ct);
        await ProblemAssert.IsProblemAsync(bobCancelsAlices, HttpStatusCode.Forbidden);
        Assert.Equal(RunState.Queued, (await GetAsync(alice, alicesRun.Id)).State);

        using var aliceCancelsHers = await alice.PostAsync($"/api/v1/runs/{alicesRun.Id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.OK, aliceCancelsHers.StatusCode);
        using var adminCancelsBobs = await admin.PostAsync($"/api/v1/runs/{bobsRun.Id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.OK, adminCancelsBobs.StatusCode);
        Assert.Equal(RunState.Cancelled, (await GetAsync(admin, bobsRun.Id)).State);
    }

    [Fact]
    public async Task A_revoked_or_forged_key_gets_401_and_keys_are_stored_only_as_salted_hashes()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var keys = (ApiKeyService)app.Services.GetService(typeof(ApiKeyService))!;
        var first = await keys.CreateAsync(Caller.Platform, "first", AccessRole.Viewer, Ct);
        var second = await keys.CreateAsync(Caller.Platform, "second", AccessRole.Viewer, Ct);
        using var client = app.ClientWithKey(first.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/runs", Ct)).StatusCode);

        // The secret appears nowhere in the database, and equal roles still get different salts.
        var db = (Npgsql.NpgsqlDataSource)app.Services.GetService(typeof(Npgsql.NpgsqlDataSource))!;
        await using (var dump = db.CreateCommand("SELECT count(*) FROM api_keys k WHERE row_to_json(k)::text LIKE '%' || @secret || '%'"))
        {
            Assert.True(ApiKeySecret.TryParse(first.Key, out _, out var secret));
            dump.Parameters.AddWithValue("secret", secret);
            Assert.Equal(0L, (long)(await dump.ExecuteScalarAsync(Ct))!);
        }

        await using (var salts = db.CreateCommand("SELECT count(DISTINCT salt) FROM api_keys"))
        {
            Assert.Equal(2L, (long)(await salts.ExecuteScalarAsync(Ct))!);
        }

        await keys.RevokeAsync(Caller.Platform, first.Info.Id, Ct);
        var revoked = await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/runs", Ct), HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", revoked.GetProperty("detail").GetString());
        using var forged = app.ClientWithKey(second.Key[..^4] + "AAAA");
        await ProblemAssert.IsProblemAsync(await forged.GetAsync("/api/v1/runs", Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_clients_and_serves_a_viewer_key()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var hubUrl = new Uri(app.Address, RunsHub.Path);
        await using var anonymous = new HubConnectionBuilder().WithUrl(hubUrl).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var key = await app.CreateKeyAsync(AccessRole.Viewer);
        await using var viewer = new HubConnectionBuilder().WithUrl(hubUrl, o => o.AccessTokenProvider = () => Task.FromResult<string?>(key)).Build();
        await viewer.StartAsync(Ct);
        // Served: the call reaches the hub, which says the run does not exist.
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => viewer.InvokeAsync("Subscribe", Guid.NewGuid(), Ct));
        Assert.Equal(HubConnectionState.Connected, viewer.State);
    }

    private static async Task<RunDto> SubmitAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/runs", Families.Counter(), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!;
    }

    private static async Task<RunDto> GetAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<RunDto>($"/api/v1/runs/{id}", Json.Options, Ct))!;

    private static async Task<long> CountRunsAsync(TestApp app)
    {
        var dataSource = (Npgsql.NpgsqlDataSource)app.Services.GetService(typeof(Npgsql.NpgsqlDataSource))!;
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM runs");
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
