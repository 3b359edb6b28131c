using Microsoft.Playwright;
using Npgsql;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Browser;

/// <summary>
/// The claims table in a real browser: each claim's basis, a verdict only where one is due, the paper's band beside
/// our range, the assumptions and calibrations; and a run stored before claims carried a basis, shown as it was.
/// </summary>
public sealed class ClaimEvidenceTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_run_page_shows_each_claims_basis_band_and_range_and_the_assumptions_and_calibrations()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(Families.Evidence());
        Assert.Equal(RunState.Succeeded, (await app.WaitForTerminalAsync(run.Id)).State);
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewDashboardPageAsync();
        await page.GotoAsync(new Uri(app.Address, $"runs/{run.Id}").ToString());
        await WaitUntilInteractiveAsync(page);

        var claims = page.Locator("[data-testid=claims] [data-testid=claim]");
        Assert.Equal(4, await claims.CountAsync());
        Assert.Equal(["predicted", "predicted", "calibrated", "not comparable"], await TextsAsync(claims.Locator("[data-testid=basis]")));
        Assert.Equal("inconclusive", await claims.Nth(0).Locator("[data-testid=verdict]").InnerTextAsync());
        Assert.Equal("supported", await claims.Nth(1).Locator("[data-testid=verdict]").InnerTextAsync());
        // A calibrated figure matches the paper by construction: it says so instead of carrying a verdict.
        Assert.Equal(0, await claims.Nth(2).Locator("[data-testid=verdict]").CountAsync());
        Assert.Equal("calibration", await claims.Nth(2).Locator("[data-testid=calibration-mark]").InnerTextAsync());
        Assert.Equal(0, await claims.Nth(3).Locator("[data-testid=verdict]").CountAsync());

        Assert.Equal("sensitive to GemmBurstiness and McaFloor · 5 seeds", await claims.Nth(0).Locator("[data-testid=claim-details]").InnerTextAsync());
        Assert.Equal("1 seed", await claims.Nth(1).Locator("[data-testid=claim-details]").InnerTextAsync());

        // One axis from 20 to 37 over the plot's 140 px less 5 px margins: the band [27, 33] starts at 58.53, the dot (29.1) sits at 74.59.
        var plot = claims.Nth(0).Locator("[data-testid=interval-plot]");
        Assert.Equal("Paper: 30 %, band 27 to 33 %. Ours: 29.1 %, range 20 to 37 % over the assumptions.", await plot.Locator("title").TextContentAsync());
        Assert.Equal(("58.53", "45.88"), (await plot.Locator("[data-testid=band]").GetAttributeAsync("x"), await plot.Locator("[data-testid=band]").GetAttributeAsync("width")));
        Assert.Equal("74.59", await plot.Locator("[data-testid=measured-dot]").GetAttributeAsync("cx"));
        Assert.Equal(0, await claims.Nth(2).Locator("[data-testid=interval-plot]").CountAsync());

        Assert.Equal("fitted: ComputeEfficiency = 0.82 to match 1,857 tok/s/GPU", await page.Locator("[data-testid=calibration]").InnerTextAsync());
        var assumptions = page.Locator("[data-testid=assumptions] [data-testid=assumption]");
        Assert.Equal(2, await assumptions.CountAsync());
        Assert.Equal(["GemmBurstiness", "4", "2 to 8", "", "How bursty a GEMM's writes are (test)."], await TextsAsync(assumptions.Nth(0).Locator("td")));
        Assert.Equal(["McaFloor", "0.25", "0.1 to 0.4", "fraction"], (await TextsAsync(assumptions.Nth(1).Locator("td"))).Take(4));

        await claims.Nth(0).Locator("[data-testid=basis]").HoverAsync();
        await page.GetByText("Predicted: nothing was fitted to this figure").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "run-evidence.png"), FullPage = true });
    }

    [Fact]
    public async Task A_run_stored_before_claims_carried_a_basis_shows_its_verdicts_as_they_were()
    {
        var database = await server.CreateDatabaseAsync();
        await using var app = await TestApp.StartAsync(database, PlatformRole.Web);
        var run = await app.SubmitAsync(Families.Counter());
        await StoreAsync(database, run.Id, """
            { "metrics": { "speedup": 1.31 },
              "claims": [
                { "claim": "Speed-up (old)", "paperValue": 1.3, "measuredValue": 1.31, "unit": "x", "verdict": "partlySupported", "note": "within 10%" },
                { "claim": "Versus TensorRT-LLM (old)", "paperValue": 1.9, "measuredValue": null, "unit": "x", "verdict": "notComparable", "note": null } ] }
            """);
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewDashboardPageAsync();
        await page.GotoAsync(new Uri(app.Address, $"runs/{run.Id}").ToString());
        await WaitUntilInteractiveAsync(page);

        var claims = page.Locator("[data-testid=claims] [data-testid=claim]");
        Assert.Equal(2, await claims.CountAsync());
        Assert.Equal(2, await claims.Locator("[data-testid=basis-unknown]").CountAsync());
        Assert.Equal(["partly supported", "not comparable"], await TextsAsync(claims.Locator("[data-testid=verdict]")));
        Assert.Equal("1.31 x", (await claims.Nth(0).Locator("[data-testid=claim-measured]").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator("[data-testid=interval-plot]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=assumptions]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=summary-unreadable]").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "run-legacy-claims.png"), FullPage = true });
    }

    private static async Task<List<string>> TextsAsync(ILocator locator) =>
        [.. (await locator.AllInnerTextsAsync()).Select(t => t.Trim())];

    /// <summary>Ends a queued run with a summary as an older version stored it (the web-only app runs nothing itself).</summary>
    private static async Task StoreAsync(string database, Guid id, string summary)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "UPDATE runs SET state = 'Succeeded', finished_at = now(), progress = 1, summary = @summary::jsonb WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("summary", summary);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
    }

    private static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
}
