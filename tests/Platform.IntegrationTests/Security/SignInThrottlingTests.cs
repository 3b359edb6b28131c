using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Hosting;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Security;

/// <summary>Password guessing through the real sign-in form is held back with 429 (the address, for that name).</summary>
public sealed partial class SignInThrottlingTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_the_allowed_failures_the_address_gets_429_with_retry_after_for_that_name()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web,
            new Dictionary<string, string> { ["Limits:FailedSignInsPerUser"] = "3" });
        await app.Services.GetRequiredService<UserAccountService>().CreateAsync(Caller.Platform, "ada", "a long enough secret", AccessRole.Viewer, Ct);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = app.Address,
        };

        for (var i = 0; i < 3; i++)
        {
            var (status, body) = await SignInAsync(browser, "ada", "a wrong guess");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Unknown user name or wrong password.", body);
        }

        var (held, heldBody) = await SignInAsync(browser, "ada", "a long enough secret");
        Assert.Equal(HttpStatusCode.TooManyRequests, held);
        Assert.Contains("Too many sign-ins", heldBody);
        // Another user is not held back by ada's record (three failures are under the per-address limit).
        await app.Services.GetRequiredService<UserAccountService>().CreateAsync(Caller.Platform, "grace", "another long secret", AccessRole.Viewer, Ct);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, "grace", "another long secret")).Status);
    }

    [Fact]
    public async Task Fifty_concurrent_wrong_passwords_reusing_one_form_token_check_at_most_the_limit()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web,
            new Dictionary<string, string> { ["Limits:FailedSignInsPerUser"] = "3" });
        await app.Services.GetRequiredService<UserAccountService>().CreateAsync(Caller.Platform, "ada", "a long enough secret", AccessRole.Viewer, Ct);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = app.Address,
        };
        var page = await browser.GetStringAsync("/account/signin", Ct);
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PostAsync(browser, token, "ada", "a wrong guess")));

        // A 200 is an answer after the password was checked (PBKDF2); every other attempt was refused before it.
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(47, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient browser, string token, string user, string password)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
        });
        using var response = await browser.PostAsync("/account/signin", form, Ct);
        return response.StatusCode;
    }

    private static async Task<(HttpStatusCode Status, string Body)> SignInAsync(HttpClient browser, string user, string password)
    {
        var page = await browser.GetStringAsync("/account/signin", Ct);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
        });
        using var response = await browser.PostAsync("/account/signin", form, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
