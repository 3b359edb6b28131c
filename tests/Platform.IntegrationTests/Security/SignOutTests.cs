using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Hosting;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Security;

/// <summary>Issue 19, low item: signing out ends the session on the server, so a kept copy of the cookie is refused.</summary>
public sealed partial class SignOutTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_copy_of_the_cookie_taken_before_sign_out_is_refused_after_it()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        await app.Services.GetRequiredService<UserAccountService>().CreateAsync(Caller.Platform, "ada", "a long enough secret", AccessRole.Viewer, Ct);
        var jar = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = app.Address };
        await PostFormAsync(browser, "/account/signin", "/account/signin", new()
        {
            ["_handler"] = "signin", ["Input.UserName"] = "ada", ["Input.Password"] = "a long enough secret",
        });
        var copy = jar.GetCookies(app.Address)["platform.auth"]!.Value;
        using var thief = new HttpClient { BaseAddress = app.Address };
        thief.DefaultRequestHeaders.Add("Cookie", $"platform.auth={copy}");
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/v1/runs", Ct)).StatusCode);

        using var signedOut = await PostFormAsync(browser, "/", "/account/signout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/v1/runs", Ct)).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(formPage, Ct);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, form, Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
