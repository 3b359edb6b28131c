using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Core.Hosting;
using Platform.Experiments.Contract;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Browser;

/// <summary>The experiment catalogue in a real browser: a card per family, and one-click runs of a family's headline preset.</summary>
public sealed class FamiliesPageTests(PostgresServer server)
{
    [Fact]
    public async Task The_catalogue_shows_a_card_per_family_with_its_actions()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });

        await page.GotoAsync(new Uri(app.Address, "families").ToString());
        await WaitUntilInteractiveAsync(page);

        var kinds = app.Services.GetRequiredService<FamilyCatalog>().All.Select(e => e.Kind).Order().ToList();
        var cards = page.Locator("[data-testid=experiment-card]");
        var shown = new List<string>();
        foreach (var card in await cards.AllAsync())
        {
            shown.Add((await card.GetAttributeAsync("data-kind"))!);
        }

        Assert.Equal(kinds, shown.Order());
        var counter = Card(page, CounterExperiment.KindName);
        Assert.Contains("The paper's claim", await counter.Locator("[data-testid=paper-claim]").TextContentAsync());
        Assert.Contains("Every logged point arrives once, in order.", await counter.Locator("[data-testid=paper-claim]").TextContentAsync());
        Assert.Equal("Logs a known sequence of points.", (await counter.Locator("[data-testid=description]").TextContentAsync())?.Trim());
        Assert.Equal($"/families/{CounterExperiment.KindName}/new", await counter.Locator("[data-testid=new-run]").GetAttributeAsync("href"));
        Assert.True(await counter.Locator("[data-testid=headline]").IsEnabledAsync());
        Assert.Equal(1, await counter.Locator("[data-testid=preset][data-preset=slow]").CountAsync());
        // A family without a headline preset cannot be reproduced with one click.
        Assert.True(await Card(page, BlockingExperiment.KindName).Locator("[data-testid=headline]").IsDisabledAsync());
        Assert.Contains("Not run yet", await counter.Locator("[data-testid=activity]").TextContentAsync());
        // What the headline run judges and what it fits, from the family's declared evidence; a family without a paper judges nothing.
        Assert.Equal("2 predicted claims, 1 calibration", await Card(page, EvidenceExperiment.KindName).Locator("[data-testid=evidence]").InnerTextAsync());
        Assert.Equal("0 predicted claims, 0 calibrations", await counter.Locator("[data-testid=evidence]").InnerTextAsync());
        Assert.Equal(0, await Card(page, BlockingExperiment.KindName).Locator("[data-testid=evidence]").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "experiments-page.png"), FullPage = true });
    }

    [Fact]
    public async Task The_headline_button_queues_a_study_of_the_preset_and_opens_it()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(app.Address, "families").ToString());
        await WaitUntilInteractiveAsync(page);
        await Card(page, CounterExperiment.KindName).Locator("[data-testid=headline]").ClickAsync();
        // Blazor navigates with pushState; polling the path is steadier than waiting for a navigation event.
        await page.WaitForFunctionAsync("() => location.pathname.startsWith('/studies/')", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        // The counter family declares no seed count, so its headline study is one run.
        var runs = await app.Client.GetFromJsonAsync<List<RunDto>>(
            $"/api/v1/studies/{page.Url[(page.Url.LastIndexOf('/') + 1)..]}/runs", Json.Options, TestContext.Current.CancellationToken);
        var run = Assert.Single(runs!);
        Assert.Equal(CounterExperiment.KindName, run.Kind);
        Assert.Equal(30, run.Parameters.GetProperty("points").GetInt32());
        Assert.Equal(2, run.Parameters.GetProperty("keys").GetInt32());
        Assert.Contains("preset:headline", run.Tags);

        // Back on the catalogue, the family's card counts the run it just queued.
        await page.GotoAsync(new Uri(app.Address, "families").ToString());
        await WaitUntilInteractiveAsync(page);
        // The interactive render reads the counts again after the prerendered one: wait for them rather than read once.
        await Assertions.Expect(Card(page, CounterExperiment.KindName).Locator("[data-testid=activity]"))
            .ToContainTextAsync("1 run so far", new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });
    }

    private static ILocator Card(IPage page, string kind) => page.Locator($"[data-testid=experiment-card][data-kind={kind}]");

    private static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
}
