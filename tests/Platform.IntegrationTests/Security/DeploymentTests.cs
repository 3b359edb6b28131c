using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Core.Hosting;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Security;

/// <summary>Issue 19, item 9: behind a known TLS proxy the cookie is Secure and HSTS is sent; keys survive a restart.</summary>
public sealed partial class DeploymentTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Behind_a_configured_tls_proxy_the_sign_in_cookie_is_secure_and_hsts_is_sent()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web,
            new Dictionary<string, string> { ["Security:KnownProxies:0"] = "127.0.0.1" });
        await app.Services.GetRequiredService<UserAccountService>().CreateAsync(Caller.Platform, "ada", "a long enough secret", AccessRole.Viewer, Ct);
        using var proxy = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = false })
        {
            BaseAddress = app.Address,
        };

        using var page = await SendAsync(proxy, HttpMethod.Get, "/account/signin", null, cookies: null);
        Assert.Contains("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single());
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(await page.Content.ReadAsStringAsync(Ct)).Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = "ada",
            ["Input.Password"] = "a long enough secret",
        });
        using var signedIn = await SendAsync(proxy, HttpMethod.Post, "/account/signin", form, antiforgeryCookie);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("platform.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_proxy_are_ignored_and_loopback_gets_no_hsts()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        using var response = await SendAsync(client, HttpMethod.Get, "/account/signin", null, null);
        // Not believed: the request stays a plain-HTTP loopback one, so no HSTS and no redirect.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Data_protection_keys_live_in_the_database_so_a_restarted_app_reads_what_the_first_protected()
    {
        var database = await server.CreateDatabaseAsync();
        string protectedText;
        await using (var first = await SecureApp.StartAsync(database, PlatformRole.Web))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a session");
        }

        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync(Ct);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM data_protection_keys", connection);
            Assert.True((long)(await count.ExecuteScalarAsync(Ct))! >= 1, "the key ring should be stored in the database");
        }

        await using var restarted = await SecureApp.StartAsync(database, PlatformRole.Web);
        Assert.Equal("a session", restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    /// <summary>A request as a TLS-terminating proxy on 127.0.0.1 forwards it: from a remote client, over HTTPS.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content, string? cookies)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Host = "platform.example";
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }

        return await client.SendAsync(request, Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
