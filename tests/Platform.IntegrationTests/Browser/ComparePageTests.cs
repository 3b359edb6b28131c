using Microsoft.Playwright;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Browser;

/// <summary>The compare page in a real browser: runs overlaid per metric, seeds folded into a band.</summary>
public sealed class ComparePageTests(PostgresServer server)
{
    [Fact]
    public async Task Two_runs_show_as_two_curves_per_metric_and_the_parameter_that_differs_is_highlighted()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var a = await app.SubmitAsync(Families.Counter(points: 30, keys: 2, seed: 1));
        var b = await app.SubmitAsync(Families.Counter(points: 50, keys: 2, seed: 1, delayMs: 1));
        await app.WaitForTerminalAsync(a.Id);
        await app.WaitForTerminalAsync(b.Id);
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });

        await page.GotoAsync(new Uri(app.Address, $"compare?ids={a.Id},{b.Id}").ToString());
        await page.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        var k0 = page.Locator("[data-testid=chart][data-group=k0][data-series]");
        await k0.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        Assert.Equal("2", await k0.GetAttributeAsync("data-series"));
        Assert.Equal("80", await k0.GetAttributeAsync("data-points"));
        Assert.Equal(2, await page.Locator("[data-testid=chart]:not([data-group^='summary:'])").CountAsync());
        var differing = page.Locator("[data-testid=compare-parameters] th.differs");
        Assert.Equal(["delayMs", "points"], (await differing.AllTextContentsAsync()).Select(t => t.Trim()).Order().ToArray());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "compare.png"), FullPage = true });
    }

    [Fact]
    public async Task Runs_that_differ_only_in_seed_are_drawn_as_one_mean_curve()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var ids = new List<Guid>();
        foreach (var seed in new long[] { 1, 2, 3 })
        {
            var run = await app.SubmitAsync(Families.Counter(points: 20, seed: seed));
            ids.Add(run.Id);
        }

        foreach (var id in ids)
        {
            Assert.Equal(RunState.Succeeded, (await app.WaitForTerminalAsync(id)).State);
        }

        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(app.Address, $"compare?ids={string.Join(",", ids)}").ToString());
        await page.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        var chart = page.Locator("[data-testid=chart][data-group=k0][data-series]");
        await chart.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        Assert.Equal("1", await chart.GetAttributeAsync("data-series"));
        // Plotly keeps the traces on the element: the mean, plus the band's two edges.
        var traces = await chart.EvaluateAsync<string[]>("el => el.data.map(t => t.name)");
        Assert.Equal(3, traces.Length);
        Assert.Contains(traces, name => name.EndsWith("(mean of 3)", StringComparison.Ordinal));
    }
}
