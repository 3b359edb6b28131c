using Microsoft.Playwright;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Browser;

/// <summary>The dashboard in a real browser: a run's page shows chart points as the worker logs them.</summary>
public sealed class RunPageTests(PostgresServer server)
{
    [Fact]
    public async Task The_run_page_shows_chart_points_arriving_live()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewPageAsync();

        var run = await app.SubmitAsync(Families.Counter(points: 200, delayMs: 40));
        await page.GotoAsync(new Uri(app.Address, $"runs/{run.Id}").ToString());

        // Once the circuit is interactive the page has read the history; more points can only come live.
        await WaitUntilInteractiveAsync(page);
        var chart = page.Locator("[data-testid=chart][data-group=k0][data-points]");
        await chart.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        var first = int.Parse((await chart.GetAttributeAsync("data-points"))!);
        await page.WaitForFunctionAsync(
            "n => Number(document.querySelector('[data-testid=chart][data-group=k0][data-points]')?.dataset.points ?? 0) > n",
            first, new PageWaitForFunctionOptions { Timeout = 20_000 });
        var later = int.Parse((await chart.GetAttributeAsync("data-points"))!);
        Assert.True(later > first, $"expected more than {first} points, saw {later}");

        await page.WaitForFunctionAsync(
            "() => document.querySelector('[data-testid=run-state]')?.textContent.trim() === 'Succeeded'",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await page.WaitForFunctionAsync(
            "() => document.querySelector('[data-testid=chart][data-group=k0][data-points]')?.dataset.points === '200'",
            null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        Assert.Equal(RunState.Succeeded, (await app.GetRunAsync(run.Id)).State);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "run-page.png"), FullPage = true });
    }

    [Fact]
    public async Task Cancel_on_the_run_page_stops_a_running_run_and_the_page_says_cancelled()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewPageAsync();
        var run = await app.SubmitAsync(Families.Blocking(seconds: 120));
        await app.WaitForRunAsync(run.Id, j => j.State == RunState.Running);

        await page.GotoAsync(new Uri(app.Address, $"runs/{run.Id}").ToString());
        await WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=cancel]").ClickAsync();

        await page.WaitForFunctionAsync(
            "() => document.querySelector('[data-testid=run-state]')?.textContent.trim() === 'Cancelled'",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.Equal(RunState.Cancelled, (await app.GetRunAsync(run.Id)).State);
        Assert.True(await page.Locator("[data-testid=cancel]").IsDisabledAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "run-cancelled.png"), FullPage = true });
    }

    private static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
}
