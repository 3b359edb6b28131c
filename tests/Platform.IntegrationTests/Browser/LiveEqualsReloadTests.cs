using System.Text.Json;
using Microsoft.Playwright;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Browser;

/// <summary>
/// What a chart draws live must be what a reload draws: the same curves with the same points, look and colour. A page
/// opened before the run starts and one opened while it runs both watch it to the end; then each of their charts is
/// read trace by trace and compared with a freshly loaded page.
/// </summary>
public sealed class LiveEqualsReloadTests(PostgresServer server)
{
    // Every curve of every chart on the page, drawn (a chart out of view draws when scrolled near) and sorted by name,
    // so the comparison is of what is shown, not of the order curves arrived in.
    private const string ReadCharts = """
        async () => {
            const charts = [...document.querySelectorAll('[data-testid=chart]')];
            for (const el of charts) { el.scrollIntoView(); await new Promise(r => setTimeout(r, 50)); }
            // Two frames let the last scrolled chart draw; a page Chromium stops giving frames to still answers.
            await new Promise(r => { requestAnimationFrame(() => requestAnimationFrame(r)); setTimeout(r, 1000); });
            return JSON.stringify(charts.map(el => ({
                group: el.dataset.group,
                drawn: !!el.data,
                traces: (el.data || []).filter(t => t.meta !== 'band')
                    .map(t => ({ name: t.name, mode: t.mode, colour: (t.line && t.line.color) || (t.marker && t.marker.color), x: [...t.x], y: [...t.y] }))
                    .sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
            })).sort((a, b) => a.group < b.group ? -1 : 1));
        }
        """;

    [Theory]
    [InlineData("comm-overlap")]
    [InlineData("serving-throughput")]
    [InlineData("edge-offload")]
    [InlineData("federated-prompt")]
    [InlineData("text-entry")]
    public async Task Charts_watched_live_equal_the_charts_after_a_reload(string kind)
    {
        // The worker starts only once the first page is interactive, so that page sees every point arrive live.
        var database = await server.CreateDatabaseAsync();
        await using var web = await TestApp.StartAsync(database, PlatformRole.Web);
        await using var browser = await BrowserFixture.LaunchAsync();
        var run = await web.SubmitAsync(TinyRuns.Of(kind));
        var url = new Uri(web.Address, $"runs/{run.Id}").ToString();
        var fromStart = await OpenAsync(browser, url);

        await using var worker = await TestApp.StartAsync(database, PlatformRole.Worker);
        await web.WaitForRunAsync(run.Id, r => r.State != RunState.Queued, TimeSpan.FromSeconds(60));
        var midway = await OpenAsync(browser, url);
        var done = await web.WaitForTerminalAsync(run.Id, TimeSpan.FromMinutes(3));
        Assert.Equal(RunState.Succeeded, done.State);
        await WaitForStateAsync(fromStart, "Succeeded");
        await WaitForStateAsync(midway, "Succeeded");

        var reloaded = await SettledChartsAsync(await OpenAsync(browser, url));
        Assert.NotEqual("[]", reloaded);
        Assert.DoesNotContain("\"drawn\":false", reloaded);
        Assert.Equal(reloaded, await SettledChartsAsync(fromStart));
        Assert.Equal(reloaded, await SettledChartsAsync(midway));
    }

    private static async Task<IPage> OpenAsync(BrowserFixture browser, string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        await page.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return page;
    }

    private static Task WaitForStateAsync(IPage page, string state) =>
        page.WaitForFunctionAsync(
            "s => document.querySelector('[data-testid=run-state]')?.textContent.trim() === s",
            state, new PageWaitForFunctionOptions { Timeout = 30_000 });

    // Live points land a frame or two after the state: read until two reads a moment apart agree.
    private static async Task<string> SettledChartsAsync(IPage page)
    {
        var last = await ReadChartsAsync(page);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            var next = await ReadChartsAsync(page);
            if (next == last)
            {
                return Pretty(next);
            }

            last = next;
        }

        return Pretty(last);
    }

    // Evaluate has no timeout of its own: a page that stops answering fails the test instead of holding the suite.
    private static Task<string> ReadChartsAsync(IPage page) =>
        page.EvaluateAsync<string>(ReadCharts).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

    private static string Pretty(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
