using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;
using Platform.Web.Hubs;

namespace Platform.IntegrationTests.Security;

/// <summary>Issue 19, low items: the hub's bad ids, its subscription bound, and revoked keys' open connections.</summary>
public sealed class HubAccessTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscribing_to_a_malformed_or_unknown_run_id_is_a_clear_hub_error()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        await using var hub = await ConnectAsync(app, await app.CreateKeyAsync(AccessRole.Viewer));

        var malformed = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", "not-a-guid", Ct));
        Assert.Contains("is not a run id", malformed.Message);
        var unknown = Guid.NewGuid();
        var missing = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", unknown, Ct));
        Assert.Contains($"no run {unknown}", missing.Message);
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task A_connection_follows_at_most_the_configured_number_of_runs()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web,
            new Dictionary<string, string> { ["Limits:MaxHubSubscriptions"] = "2" });
        using var runner = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Runner));
        var runs = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await runner.PostAsJsonAsync("/api/v1/runs", Families.Counter(), Ct);
            runs.Add((await response.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!.Id);
        }

        await using var hub = await ConnectAsync(app, await app.CreateKeyAsync(AccessRole.Viewer));
        await hub.InvokeAsync("Subscribe", runs[0], Ct);
        await hub.InvokeAsync("Subscribe", runs[1], Ct);
        await hub.InvokeAsync("Subscribe", runs[1], Ct); // again: not a new subscription
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", runs[2], Ct));
        Assert.Contains("at most 2", refused.Message);
        await hub.InvokeAsync("Unsubscribe", runs[0], Ct);
        await hub.InvokeAsync("Subscribe", runs[2], Ct);
    }

    [Fact]
    public async Task An_open_connection_of_a_revoked_key_is_closed_within_the_recheck_interval()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web,
            new Dictionary<string, string> { ["Security:SessionRecheckInterval"] = "00:00:01" });
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var key = await keys.CreateAsync(Caller.Platform, "script", AccessRole.Viewer, Ct);
        var kept = await app.CreateKeyAsync(AccessRole.Viewer, "kept");
        await using var revokedHub = await ConnectAsync(app, key.Key);
        await using var keptHub = await ConnectAsync(app, kept);
        var closed = new TaskCompletionSource();
        revokedHub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await keys.RevokeAsync(Caller.Platform, key.Info.Id, Ct);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(HubConnectionState.Connected, keptHub.State);
    }

    private static async Task<HubConnection> ConnectAsync(TestApp app, string key)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Address, RunsHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(key))
            .Build();
        await hub.StartAsync(Ct);
        return hub;
    }
}
