using Microsoft.Playwright;
using Platform.IntegrationTests.Support;
using static Platform.IntegrationTests.Browser.BrowserSteps;

namespace Platform.IntegrationTests.Browser;

/// <summary>The overview in a real browser: counts, the live worker and throughput change as runs do, without a reload.</summary>
public sealed class OverviewPageTests(PostgresServer server)
{
    [Fact]
    public async Task The_overview_shows_counts_and_the_live_worker_and_follows_runs_as_they_finish()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var blocking = await app.SubmitAsync(Families.Blocking());
        await app.WaitForRunAsync(blocking.Id, j => j.State == Core.Runs.RunState.Running);
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewDashboardPageAsync();

        await page.GotoAsync(app.Address.ToString());
        await WaitUntilInteractiveAsync(page);
        await WaitForTextAsync(page, "[data-testid=count-Running]", "1");
        await WaitForTextAsync(page, "[data-testid=count-Succeeded]", "0");
        // The worker's heartbeat reports its capacity (2 in tests) and, within a beat, the run it holds.
        var worker = page.Locator("[data-testid=worker-row]");
        await worker.First.WaitForAsync(Patient);
        await WaitForTextAsync(page, "[data-testid=worker-capacity]", "2");
        await page.Locator($"[data-testid=worker-running] a[href='/runs/{blocking.Id}']").WaitForAsync(Patient);
        await page.Locator($"[data-testid=recent-run][data-id='{blocking.Id}']").WaitForAsync(Patient);

        // Everything below arrives live: the page is never reloaded.
        var counter = await app.SubmitAsync(Families.Counter(points: 5));
        await app.WaitForTerminalAsync(counter.Id);
        await WaitForTextAsync(page, "[data-testid=count-Succeeded]", "1");
        await page.Locator($"[data-testid=recent-run][data-id='{counter.Id}']").WaitForAsync(Patient);
        await app.Client.PostAsync($"/api/v1/runs/{blocking.Id}/cancel", null, TestContext.Current.CancellationToken);
        await WaitForTextAsync(page, "[data-testid=count-Cancelled]", "1");
        await WaitForTextAsync(page, "[data-testid=count-Running]", "0");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=throughput]')?.dataset.total === '2'",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await ScreenshotAsync(page, "overview");
    }

    private static Task WaitForTextAsync(IPage page, string selector, string text) =>
        page.WaitForFunctionAsync("([s, t]) => document.querySelector(s)?.textContent.trim() === t",
            new[] { selector, text }, new PageWaitForFunctionOptions { Timeout = 30_000 });
}
