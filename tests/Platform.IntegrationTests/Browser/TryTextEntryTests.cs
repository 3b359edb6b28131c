using Microsoft.Playwright;
using Platform.Core.Runs;
using Platform.IntegrationTests.FamilyRuns;
using Platform.IntegrationTests.Support;
using Platform.Web.Components.Pages.TextEntry;

namespace Platform.IntegrationTests.Browser;

/// <summary>The try-it page in a real browser: a person types an abbreviation and sees the model's candidates.</summary>
public sealed class TryTextEntryTests(PostgresServer server)
{
    [Fact]
    public async Task Typing_an_abbreviation_shows_candidates_from_a_finished_runs_model_and_one_past_the_bound_is_refused()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(TextEntryRunTests.TinyRun(seed: 11));
        Assert.Equal(RunState.Succeeded, (await app.WaitForTerminalAsync(run.Id, TimeSpan.FromSeconds(90))).State);
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(app.Address, $"try/text-entry?run={run.Id}").ToString());
        await page.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.Locator("[data-testid=model-info]").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        await page.Locator("input[data-testid=partner-turn], [data-testid=partner-turn] input").First.FillAsync("are you hungry");
        await page.Locator("input[data-testid=abbreviation], [data-testid=abbreviation] input").First.PressSequentiallyAsync("icesp");

        var phrases = page.Locator("[data-testid=candidate-phrase]");
        await phrases.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        var texts = await phrases.AllTextContentsAsync();
        Assert.InRange(texts.Count, 1, 5);
        Assert.All(texts, t => Assert.StartsWith("i could eat some", t.Trim(), StringComparison.Ordinal));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "try-text-entry.png"), FullPage = true });

        // A browser need not honour maxlength: past the bound the server refuses to expand, and says why.
        var abbreviation = page.Locator("input[data-testid=abbreviation], [data-testid=abbreviation] input").First;
        await abbreviation.EvaluateAsync("e => e.removeAttribute('maxlength')");
        await abbreviation.FillAsync(new string('i', TryTextEntryPage.MaxAbbreviationLength + 1));
        var error = page.Locator("[data-testid=input-error]");
        await error.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        Assert.Contains($"at most {TryTextEntryPage.MaxAbbreviationLength} characters", await error.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await phrases.CountAsync());
    }
}
