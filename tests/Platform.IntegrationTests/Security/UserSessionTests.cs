using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Hosting;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Security;

/// <summary>Sign-in cookies against user changes made while they are in use, through the whole HTTP pipeline.</summary>
public sealed class UserSessionTests(PostgresServer server)
{
    private const string Password = "a long enough secret";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_role_change_applies_to_an_open_session_at_its_next_request()
    {
        var (app, users, bob) = await StartWithRunnerBobAsync();
        await using var _ = app;
        using var session = await app.SignInAsync("bob", Password);
        await AssertRedirectsAsync(session, "/admin/users", "/account/denied");

        Assert.True((await users.ChangeRoleAsync(Caller.Platform, bob.Id, AccessRole.Admin, Ct)).Succeeded);
        using (var page = await session.GetAsync("/admin/users", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Add a user", await page.Content.ReadAsStringAsync(Ct));
        }

        Assert.True((await users.ChangeRoleAsync(Caller.Platform, bob.Id, AccessRole.Viewer, Ct)).Succeeded);
        await AssertRedirectsAsync(session, "/admin/users", "/account/denied");
        using var submit = await session.PostAsJsonAsync("/api/v1/runs", Families.Counter(), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/runs", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("delete")]
    [InlineData("reset")]
    public async Task An_open_session_is_refused_once_its_user_is_disabled_deleted_or_given_a_new_password(string change)
    {
        var (app, users, bob) = await StartWithRunnerBobAsync();
        await using var _ = app;
        using var session = await app.SignInAsync("bob", Password);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/", Ct)).StatusCode);
        // Sign-in times are whole seconds; a session must begin in an earlier second than the reset to end.
        await Task.Delay(TimeSpan.FromSeconds(1.1), Ct);

        var result = change switch
        {
            "disable" => await users.DisableAsync(Caller.Platform, bob.Id, Ct),
            "delete" => await users.DeleteAsync(Caller.Platform, bob.Id, Ct),
            _ => await users.ResetPasswordAsync(Caller.Platform, bob.Id, "another long secret", Ct),
        };
        Assert.True(result.Succeeded);

        using var api = await session.GetAsync("/api/v1/runs", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        // The refused cookie is also removed, so the next page asks for sign-in.
        await AssertRedirectsAsync(session, "/", "/account/signin");
        if (change == "disable")
        {
            Assert.Null(await app.TrySignInAsync("bob", Password));
            await users.EnableAsync(Caller.Platform, bob.Id, Ct);
            using var again = await app.SignInAsync("bob", Password);
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/", Ct)).StatusCode);
        }
    }

    /// <summary>A secured web app whose users are ada (admin) and bob (runner).</summary>
    private async Task<(TestApp App, UserAccountService Users, UserAccountInfo Bob)> StartWithRunnerBobAsync()
    {
        var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        try
        {
            var users = app.Services.GetRequiredService<UserAccountService>();
            await users.CreateAsync(Caller.Platform, "ada", Password, AccessRole.Admin, Ct);
            await users.CreateAsync(Caller.Platform, "bob", Password, AccessRole.Runner, Ct);
            return (app, users, (await users.ListAsync(Ct)).Single(u => u.UserName == "bob"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static async Task AssertRedirectsAsync(HttpClient client, string url, string to)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(to, new Uri(client.BaseAddress!, response.Headers.Location!).PathAndQuery);
    }
}
