using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Core.Hosting;
using Platform.IntegrationTests.Browser;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;
using static Platform.IntegrationTests.Browser.BrowserSteps;

namespace Platform.IntegrationTests.Security;

/// <summary>The users page in Chromium: an admin adds a user, who signs in elsewhere, and manages them from there on.</summary>
public sealed class UsersPageTests(PostgresServer server)
{
    private const string AdminPassword = "correct horse battery";

    [Fact]
    public async Task An_admin_adds_a_user_who_signs_in_elsewhere_and_whose_open_page_follows_role_changes_and_ends_when_disabled()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web,
            new Dictionary<string, string> { ["Security:SessionRecheckInterval"] = "00:00:01" });
        await app.Services.GetRequiredService<UserAccountService>().CreateAsync(Caller.Platform, "ada", AdminPassword, AccessRole.Admin, TestContext.Current.CancellationToken);
        await using var browser = await BrowserFixture.LaunchAsync();
        var admin = await browser.NewDashboardPageAsync();
        var consoleErrors = SignInPageTests.CollectConsoleErrors(admin);

        await SignInAsync(admin, app, "ada", AdminPassword);
        await admin.ClickAsync("[data-testid=nav-users]");
        await WaitUntilInteractiveAsync(admin);

        // The setup page's rules, with the messages at the fields.
        await admin.ClickAsync("[data-testid=create-user]");
        await admin.Locator("text=A user name has 1 to 64 letters").WaitForAsync(Patient);
        await admin.Locator("text=A password has 12 to 200 characters.").WaitForAsync(Patient);
        await admin.FillAsync(Input("new-user-name"), "grace");
        await admin.FillAsync(Input("new-user-password"), "grace's first password");
        await admin.ClickAsync("[data-testid=create-user]");
        await Snackbar(admin, "Added 'grace'").WaitForAsync(Patient);
        await RoleShownAsync(admin, "grace", "runner");

        // The only admin cannot demote herself.
        await ChooseRoleAsync(admin, "ada", "viewer");
        await Snackbar(admin, "'ada' is the last enabled admin and cannot be demoted").WaitForAsync(Patient);
        await RoleShownAsync(admin, "ada", "admin");

        // Grace signs in elsewhere with the password the admin chose.
        await using var graceContext = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var grace = await graceContext.NewPageAsync();
        await SignInAsync(grace, app, "grace", "grace's first password");
        Assert.Contains("grace · runner", await grace.Locator("[data-testid=user-indicator]").TextContentAsync());

        // A new role reaches the page she has open, without a reload.
        await ChooseRoleAsync(admin, "grace", "viewer");
        await Snackbar(admin, "'grace' is now a viewer").WaitForAsync(Patient);
        await grace.Locator("[data-testid=user-indicator]", new PageLocatorOptions { HasText = "grace · viewer" }).WaitForAsync(Patient);

        // Disabling her ends the page she has open, and she cannot sign in again.
        await DismissSnackbarsAsync(admin);
        await admin.ClickAsync("[data-testid=toggle-grace]");
        await Snackbar(admin, "'grace' is disabled").WaitForAsync(Patient);
        await grace.Locator("[data-testid=session-ended]").WaitForAsync(Patient);
        await grace.GotoAsync(new Uri(app.Address, "runs").ToString());
        Assert.Contains("/account/signin", grace.Url);
        await SubmitSignInAsync(grace, "grace", "grace's first password");
        await grace.Locator("[data-testid=signin-error]").WaitForAsync(Patient);
        await ScreenshotAsync(admin, "admin-users");
        await DismissSnackbarsAsync(admin);

        // Enabled again, with a new password from the dialog.
        await admin.ClickAsync("[data-testid=toggle-grace]");
        await Snackbar(admin, "'grace' can sign in again").WaitForAsync(Patient);
        await admin.ClickAsync("[data-testid=reset-grace]");
        await admin.FillAsync(Input("reset-password"), "short");
        await admin.ClickAsync("[data-testid=reset-confirm]");
        await admin.Locator("[data-testid=reset-dialog] >> text=A password has 12 to 200 characters.").WaitForAsync(Patient);
        await ScreenshotAsync(admin, "admin-users-reset-dialog");
        await admin.FillAsync(Input("reset-password"), "grace's second password");
        await admin.ClickAsync("[data-testid=reset-confirm]");
        await Snackbar(admin, "New password set for 'grace'").WaitForAsync(Patient);
        await SignInAsync(grace, app, "grace", "grace's second password");

        // Deleting asks first.
        await admin.ClickAsync("[data-testid=delete-grace]");
        await admin.ClickAsync("[data-testid=delete-dialog-confirm]");
        await Snackbar(admin, "Deleted 'grace'").WaitForAsync(Patient);
        await admin.Locator("[data-testid=user-grace]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await grace.Locator("[data-testid=session-ended]").WaitForAsync(Patient);
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }

    private static async Task SignInAsync(IPage page, TestApp app, string userName, string password)
    {
        await page.GotoAsync(new Uri(app.Address, "account/signin").ToString());
        await SubmitSignInAsync(page, userName, password);
        await WaitUntilInteractiveAsync(page);
        Assert.Contains($"{userName} · ", await page.Locator("[data-testid=user-indicator]").TextContentAsync());
    }

    private static async Task SubmitSignInAsync(IPage page, string userName, string password)
    {
        await page.FillAsync("[data-testid=signin-username]", userName);
        await page.FillAsync("[data-testid=signin-password]", password);
        await page.ClickAsync("[data-testid=signin-submit]");
    }

    /// <summary>Closes the snackbars shown so far, so a screenshot shows the latest outcome alone.</summary>
    private static async Task DismissSnackbarsAsync(IPage page)
    {
        foreach (var close in await page.Locator(".mud-snackbar .mud-snackbar-close-button").AllAsync())
        {
            await close.ClickAsync();
        }

        await page.Locator(".mud-snackbar").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }

    private static string Input(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";

    private static ILocator Snackbar(IPage page, string text) => page.Locator(".mud-snackbar", new PageLocatorOptions { HasText = text });

    private static async Task ChooseRoleAsync(IPage page, string userName, string role)
    {
        await page.Locator($"[data-testid=role-{userName}]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextRegex = new Regex($"^{role}$") }).ClickAsync();
    }

    private static Task RoleShownAsync(IPage page, string userName, string role) =>
        page.Locator($"[data-testid=role-{userName}]", new PageLocatorOptions { HasTextRegex = new Regex($"^\\s*{role}\\s*$") })
            .WaitForAsync(Patient);
}
