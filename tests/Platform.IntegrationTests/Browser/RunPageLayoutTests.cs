using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Npgsql;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Browser;

/// <summary>
/// The run page leads with the answer: a banner whose counts are the summary's claims, counted here from the stored
/// JSON; and no page is wider than the window, however many columns a result table has.
/// </summary>
public sealed class RunPageLayoutTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_verdict_banner_counts_the_summarys_claims()
    {
        var (app, run) = await StartWithStoredRunAsync();
        await using var _ = app;
        var stored = (await app.Client.GetFromJsonAsync<RunDto>($"/api/v1/runs/{run}", Json.Options, Ct))!;
        var claims = stored.Summary!.Value.GetProperty("claims").EnumerateArray().ToList();
        int Count(string basis, string? verdict = null) => claims.Count(c =>
            c.GetProperty("basis").GetString() == basis && (verdict is null || c.GetProperty("verdict").GetString() == verdict));
        var expected = $"{Count("predicted", "supported")} of {Count("predicted")} predicted claims supported, "
            + $"{Count("predicted", "inconclusive")} inconclusive, {Count("predicted", "contradicted")} contradicted · {Count("calibrated")} calibration";

        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewDashboardPageAsync();
        await OpenAsync(page, app, run);

        var banner = page.Locator("[data-testid=verdict-banner]");
        Assert.Equal(expected, (await banner.InnerTextAsync()).Trim());
        Assert.Equal("3 of 5 predicted claims supported, 1 inconclusive, 1 contradicted · 1 calibration", expected);
        // The banner comes before the claims; the headline metrics go by name ("latency" first).
        Assert.True(await page.EvaluateAsync<bool>(
            "() => !!(document.querySelector('[data-testid=verdict-banner]').compareDocumentPosition(document.querySelector('[data-testid=claims]')) & Node.DOCUMENT_POSITION_FOLLOWING)"));
        Assert.Equal(["latency", "0.042"], (await page.Locator("[data-testid=headline-metric]").First.InnerTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "run-verdict-banner.png") });
    }

    [Theory]
    [InlineData(1440)]
    [InlineData(1024)]
    public async Task No_page_is_wider_than_the_window(int width)
    {
        var (app, run) = await StartWithStoredRunAsync();
        await using var _ = app;
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });

        foreach (var path in new[] { $"runs/{run}", "runs", "families/serving-throughput/new", "" })
        {
            await page.GotoAsync(new Uri(app.Address, path).ToString());
            await page.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            var (scroll, inner) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
            Assert.True(scroll <= inner, $"/{path} is {scroll} px wide in a {inner} px window");
        }

        // The wide table scrolls inside its own box instead.
        await OpenAsync(page, app, run);
        Assert.True(await page.EvaluateAsync<bool>(
            "() => { const c = document.querySelector('[data-testid=result-table] .mud-table-container'); return c.scrollWidth > c.clientWidth; }"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, $"run-page-{width}.png") });
    }

    private static async Task OpenAsync(IPage page, TestApp app, Guid run)
    {
        await page.GotoAsync(new Uri(app.Address, $"runs/{run}").ToString());
        await page.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.Locator("[data-testid=verdict-banner]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }

    /// <summary>A web-only app and a run ended with a summary stored as a worker would write it: six claims and a 30-column table.</summary>
    private async Task<(TestApp App, Guid Run)> StartWithStoredRunAsync()
    {
        var database = await server.CreateDatabaseAsync();
        var app = await TestApp.StartAsync(database, PlatformRole.Web);
        var run = await app.SubmitAsync(Families.Counter());
        var columns = Enumerable.Range(1, 30).Select(i => $"a rather long column heading {i}").ToList();
        var summary = new
        {
            metrics = new Dictionary<string, double> { ["throughput"] = 1857, ["speedup"] = 1.31, ["latency"] = 0.042 },
            claims = new object[]
            {
                Claim("A", "predicted", "supported"), Claim("B", "predicted", "supported"), Claim("C", "predicted", "supported"),
                Claim("D", "predicted", "inconclusive"), Claim("E", "predicted", "contradicted"), Claim("F", "calibrated", null),
            },
            tables = new[] { new { title = "Wide", columns, rows = new[] { columns.Select((_, i) => (object)(i * 1000.5)).ToList() } } },
        };
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "UPDATE runs SET state = 'Succeeded', finished_at = now(), progress = 1, summary = @summary::jsonb WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", run.Id);
        command.Parameters.AddWithValue("summary", JsonSerializer.Serialize(summary));
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
        return (app, run.Id);
    }

    private static object Claim(string name, string basis, string? verdict) => new
    {
        claim = $"Claim {name}: a figure from the paper that the run measures over its assumptions and seeds",
        basis, paperValue = 1.0, measuredValue = 1.0, unit = "x", verdict,
    };
}
