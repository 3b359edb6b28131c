using Microsoft.Playwright;
using Platform.Core.Hosting;
using Platform.Core.Studies;
using Platform.IntegrationTests.Studies;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Browser;

/// <summary>A study made from the New-study form in a real browser, followed live to its end and its aggregates.</summary>
public sealed class StudyPageTests(PostgresServer server)
{
    [Fact]
    public async Task A_two_point_three_seed_study_from_the_form_finishes_live_with_a_banded_chart_and_its_metrics()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });

        // A generous first load: on a loaded machine the app's first page (JIT, static assets) has taken over 30 s.
        await page.GotoAsync(new Uri(app.Address, $"studies/new/{CounterExperiment.KindName}").ToString(), new PageGotoOptions { Timeout = 120_000 });
        await BrowserSteps.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=sweep-points] input").FillAsync("3, 4");
        await page.Locator("[data-testid=seeds] input").FillAsync("3");
        await Assertions.Expect(page.Locator("[data-testid=run-count]")).ToContainTextAsync("6 run(s)");
        await page.Locator("[data-testid=submit-study]").ClickAsync();
        await page.WaitForFunctionAsync("() => /^\\/studies\\/[0-9a-f-]{36}$/.test(location.pathname)", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        // The page follows the runs on the live feed: it reaches Succeeded without a reload.
        await Assertions.Expect(page.Locator("[data-testid=study-state]").First)
            .ToHaveTextAsync("Succeeded", new LocatorAssertionsToHaveTextOptions { Timeout = 90_000 });
        var study = await app.Client.GetStudyAsync(Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]));
        Assert.Equal(StudyState.Succeeded, study.State);
        Assert.Equal(6, study.Progress.Succeeded);

        // The "seed" metric differs between seeds, so its chart against points has a band at both points.
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-testid=study-chart]')].some(c => c.dataset.points === '2' && c.dataset.band === '2')",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        var metrics = await page.Locator("[data-testid=study-metrics]").TextContentAsync();
        Assert.Contains("points = 3", metrics);
        Assert.Contains("points = 4", metrics);
        // Its runs, each in its place, and the compare page with them.
        await Assertions.Expect(page.Locator("[data-testid=study-runs] tbody tr")).ToHaveCountAsync(6);
        var compare = await page.Locator("[data-testid=compare-study]").GetAttributeAsync("href");
        Assert.Equal(6, compare!.Split('=')[1].Split(',').Length);
        await BrowserSteps.ScreenshotAsync(page, "study-page");
    }
}
