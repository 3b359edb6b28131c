using System.Net;
using System.Net.Http.Json;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;
using Platform.Web.Security;

namespace Platform.IntegrationTests.Security;

/// <summary>The loopback development mode: allowed only on loopback, and it says so on the page.</summary>
public sealed class LocalModeTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://127.0.0.1:5180", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://192.168.1.20:8080", false)]
    [InlineData("https://platform.example.org", false)]
    public void Only_loopback_addresses_count_as_loopback(string url, bool loopback) =>
        Assert.Equal(loopback, LoopbackGuard.IsLoopbackUrl(url));

    [Fact]
    public async Task Local_mode_refuses_to_start_when_the_app_would_listen_beyond_loopback()
    {
        var database = await server.CreateDatabaseAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(database, PlatformRole.Web,
            new Dictionary<string, string> { ["urls"] = "http://0.0.0.0:0" }));
        Assert.Contains("LocalMode", error.Message);
        Assert.Contains("0.0.0.0", error.Message);
    }

    [Fact]
    public async Task In_local_mode_anonymous_clients_on_loopback_act_as_admin_and_own_nothing()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var run = await app.SubmitAsync(Families.Counter());
        Assert.Null(run.Owner);
        using var cancel = await app.Client.PostAsync($"/api/v1/runs/{run.Id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var page = await app.Client.GetStringAsync("/", Ct);
        Assert.Contains("data-testid=\"local-mode-banner\"", page);
        Assert.Equal(RunState.Cancelled, (await app.Client.GetFromJsonAsync<RunDto>($"/api/v1/runs/{run.Id}", Json.Options, Ct))!.State);
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:5180")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task In_local_mode_a_request_for_another_host_name_is_refused(string host)
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/runs");
        request.Headers.Host = host;
        using var response = await app.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Host not allowed", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task In_local_mode_cross_origin_posts_and_hub_connections_are_refused_and_same_origin_ones_pass()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var own = app.Address.GetLeftPart(UriPartial.Authority);
        foreach (var (path, origin, expected) in new[]
        {
            ("/api/v1/runs", "http://attacker.example", HttpStatusCode.Forbidden),
            ("/api/v1/runs", "http://localhost:1", HttpStatusCode.Forbidden),
            ("/hubs/runs/negotiate?negotiateVersion=1", "http://attacker.example", HttpStatusCode.Forbidden),
            ("/api/v1/runs", own, HttpStatusCode.Created),
            ("/hubs/runs/negotiate?negotiateVersion=1", own, HttpStatusCode.OK),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = JsonContent.Create(new { kind = CounterExperiment.KindName }),
            };
            request.Headers.Add("Origin", origin);
            using var response = await app.Client.SendAsync(request, Ct);
            Assert.True(expected == response.StatusCode, $"POST {path} from {origin}: {response.StatusCode}");
        }
    }
}
