using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Core.Hosting;
using Platform.IntegrationTests.Browser;
using Platform.IntegrationTests.Support;
using Platform.Web.Security;

namespace Platform.IntegrationTests.Security;

/// <summary>The dashboard with security enforced, in Chromium: setup link, sign-in, keys page, CSP.</summary>
public sealed class SignInPageTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_setup_link_creates_the_first_admin_who_creates_and_revokes_a_key_on_the_keys_page()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewPageAsync();
        var consoleErrors = CollectConsoleErrors(page);

        // A wrong token gets nothing; the logged one opens the form.
        await page.GotoAsync(new Uri(app.Address, SetupLinkAnnouncer.SetupPath("wrong")).ToString());
        await page.Locator("[data-testid=setup-bad-token]").WaitForAsync();
        var token = app.Services.GetRequiredService<SetupToken>().Value;
        await page.GotoAsync(new Uri(app.Address, SetupLinkAnnouncer.SetupPath(token)).ToString());
        await page.FillAsync("[data-testid=setup-username]", "ada");
        await page.FillAsync("[data-testid=setup-password]", "short");
        await page.FillAsync("[data-testid=setup-confirm]", "short");
        await page.ClickAsync("[data-testid=setup-submit]");
        await page.Locator("text=A password has 12 to 200 characters.").WaitForAsync();
        await page.FillAsync("[data-testid=setup-password]", "correct horse battery");
        await page.FillAsync("[data-testid=setup-confirm]", "correct horse battery");
        await page.ClickAsync("[data-testid=setup-submit]");
        await WaitUntilInteractiveAsync(page);
        Assert.Contains("ada · admin", await page.Locator("[data-testid=user-indicator]").TextContentAsync());

        await page.ClickAsync("[data-testid=nav-keys]");
        await WaitUntilInteractiveAsync(page);
        await page.ClickAsync("[data-testid=create-key]");
        await page.Locator("text=Give the key a name").WaitForAsync();
        await page.FillAsync("input[data-testid=key-name], [data-testid=key-name] input", "nightly sweep");
        await page.ClickAsync("[data-testid=create-key]");
        var key = (await page.Locator("[data-testid=new-key-value]").TextContentAsync())!.Trim();
        using var client = app.ClientWithKey(key);
        using var submitted = await client.PostAsJsonAsync("/api/v1/runs", Families.Counter(), Ct);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "api-keys.png"), FullPage = true });

        Assert.True(Platform.Core.Security.ApiKeySecret.TryParse(key, out var lookup, out var secret) && secret.Length > 0);
        await page.ClickAsync($"[data-testid=revoke-{lookup}]");
        await page.Locator("[data-testid=new-key]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/runs", Ct)).StatusCode);
        // The setup link is spent once an admin exists.
        await page.GotoAsync(new Uri(app.Address, SetupLinkAnnouncer.SetupPath(token)).ToString());
        await page.Locator("[data-testid=setup-done]").WaitForAsync();
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }

    [Fact]
    public async Task Sign_in_refuses_a_wrong_password_returns_to_the_asked_page_and_sign_out_ends_the_session()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var users = app.Services.GetRequiredService<Platform.Core.Security.UserAccountService>();
        await users.CreateAsync(Platform.Core.Security.Caller.Platform, "grace", "a long enough secret", Platform.Core.Security.AccessRole.Viewer, Ct);
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewPageAsync();
        var consoleErrors = CollectConsoleErrors(page);

        await page.GotoAsync(new Uri(app.Address, "compare").ToString());
        Assert.Contains("/account/signin", page.Url);
        await page.FillAsync("[data-testid=signin-username]", "grace");
        await page.FillAsync("[data-testid=signin-password]", "not the secret");
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.Locator("[data-testid=signin-error]").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "sign-in-error.png"), FullPage = true });

        await page.FillAsync("[data-testid=signin-password]", "a long enough secret");
        await page.ClickAsync("[data-testid=signin-submit]");
        await WaitUntilInteractiveAsync(page);
        Assert.EndsWith("/compare", page.Url);
        Assert.Contains("grace · viewer", await page.Locator("[data-testid=user-indicator]").TextContentAsync());
        Assert.Equal(0, await page.Locator("[data-testid=nav-keys]").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "signed-in-viewer.png"), FullPage = true });

        // A viewer asking for the admin page is refused.
        await page.GotoAsync(new Uri(app.Address, "admin/keys").ToString());
        await page.Locator("[data-testid=access-denied]").WaitForAsync();

        await page.GotoAsync(app.Address.ToString());
        await WaitUntilInteractiveAsync(page);
        await page.ClickAsync("[data-testid=signout]");
        await page.WaitForURLAsync(url => url.Contains("/account/signin", StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.GotoAsync(new Uri(app.Address, "compare").ToString());
        Assert.Contains("/account/signin", page.Url);
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }

    [Fact]
    public async Task The_sign_in_form_without_its_antiforgery_token_is_refused()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["Input.UserName"] = "x", ["Input.Password"] = "y",
        });
        using var response = await app.Client.PostAsync("/account/signin", form, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var signOut = await app.Client.PostAsync("/account/signout", new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        foreach (var url in new[] { "/account/signin", "/api/v1/runs", "/health/live" })
        {
            using var response = await app.Client.GetAsync(url, Ct);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        }
    }

    internal static List<string> CollectConsoleErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    private static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
}
