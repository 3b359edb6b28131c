using Microsoft.Playwright;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Browser;

/// <summary>The API reference (Scalar) under our CSP: it renders offline, logs no error and offers no button that needs the internet.</summary>
public sealed class ApiReferencePageTests(PostgresServer server)
{
    [Fact]
    public async Task The_api_reference_renders_without_console_errors_or_requests_beyond_the_app()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewDashboardPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") problems.Add($"console {message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url) is { Scheme: "http" or "https" } uri && uri.Authority != app.Address.Authority)
                problems.Add($"request beyond the app: {request.Url}");
        };

        await page.GotoAsync(new Uri(app.Address, "/api-reference/").ToString());
        // Rendered: the document's operations are listed (the runs group is one of its tags).
        await page.GetByText("Run outputs").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(problems);
        foreach (var online in new[] { "Ask AI", "Developer Tools", "Generate SDK", "Open API Client" })
        {
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = online }).CountAsync());
        }
    }
}
