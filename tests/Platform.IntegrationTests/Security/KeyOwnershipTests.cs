using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Hosting;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Security;

/// <summary>Issue 19, item 7: who may create and revoke keys, and what happens to keys when their creator goes.</summary>
public sealed class KeyOwnershipTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(AccessRole.Viewer)]
    [InlineData(AccessRole.Runner)]
    public async Task The_key_service_itself_refuses_to_create_or_revoke_keys_for_a_non_admin(AccessRole role)
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var caller = new Caller("key:someone", "someone", role);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => keys.CreateAsync(caller, "sneaky", AccessRole.Admin, Ct));
        var existing = await keys.CreateAsync(Caller.Platform, "existing", AccessRole.Viewer, Ct);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => keys.RevokeAsync(caller, existing.Info.Id, Ct));
        Assert.Single(await keys.ListAsync(Ct), k => k.RevokedAt is null);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Keys_a_user_created_are_listed_by_creator_and_revoked_when_the_user_is_disabled_or_deleted(bool delete)
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var users = app.Services.GetRequiredService<UserAccountService>();
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        await users.CreateAsync(Caller.Platform, "ada", "a long enough secret", AccessRole.Admin, Ct);
        // Another admin, so ada is not the last one (who may not be disabled or deleted).
        await users.CreateAsync(Caller.Platform, "grace", "another long secret", AccessRole.Admin, Ct);
        var ada = (await users.ListAsync(Ct)).Single(u => u.UserName == "ada");
        var adaCaller = new Caller(UserAccountService.OwnerOf("ada"), "ada", AccessRole.Admin);
        var adasKey = await keys.CreateAsync(adaCaller, "ada's script", AccessRole.Runner, Ct);
        var othersKey = await keys.CreateAsync(Caller.Platform, "someone else's", AccessRole.Runner, Ct);
        Assert.Equal(new[] { adasKey.Info.Id }, (await keys.ListAsync(ada.Id, Ct)).Select(k => k.Id));
        using var client = app.ClientWithKey(adasKey.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/runs", Ct)).StatusCode);

        var change = delete ? await users.DeleteAsync(Caller.Platform, ada.Id, Ct) : await users.DisableAsync(Caller.Platform, ada.Id, Ct);
        Assert.True(change.Succeeded);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/runs", Ct)).StatusCode);
        using var other = app.ClientWithKey(othersKey.Key);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/runs", Ct)).StatusCode);
    }
}
