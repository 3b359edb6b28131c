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
}
