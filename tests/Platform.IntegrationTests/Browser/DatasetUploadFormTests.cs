using System.Text;
using Microsoft.Playwright;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Browser;

/// <summary>
/// A file a user brings goes in through the new-run form: uploaded with a progress bar, picked for the run, recorded
/// with the run, and named with its licence on the run's page once the run has read it.
/// </summary>
public sealed class DatasetUploadFormTests(PostgresServer server)
{
    private const string Licence = "CC0-1.0";

    [Fact]
    public async Task A_corpus_uploaded_from_the_form_is_picked_run_on_and_named_on_the_run_page()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        await page.GotoAsync(new Uri(app.Address, "families/text-entry/new?preset=quick").ToString());
        await BrowserSteps.WaitUntilInteractiveAsync(page);

        await page.Locator("[data-testid=advanced] > summary").ClickAsync();
        var field = page.Locator("[data-testid=field-uploadedCorpus]");
        await field.Locator("[data-testid=dataset-upload-toggle]").ClickAsync();
        var panel = field.Locator("[data-testid=dataset-upload]");
        await panel.Locator("input").Nth(2).FillAsync(Licence);
        await panel.Locator("[data-testid=dataset-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "cafe-dialogues.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(Corpus()),
        });

        // The bar fills as the server stores the chunks; then the new dataset is the field's choice.
        await page.WaitForFunctionAsync(
            "() => { const bar = document.querySelector('[data-testid=upload-progress]'); " +
            "return (bar?.closest('[role=progressbar]') ?? bar?.querySelector('[role=progressbar]'))?.getAttribute('aria-valuenow') === '100'; }",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await field.Locator("[data-testid=dataset-picker]", new LocatorLocatorOptions { HasText = "cafe-dialogues.txt" }).WaitForAsync(BrowserSteps.Patient);
        await BrowserSteps.ScreenshotAsync(page, "dataset-upload-form");
        await page.Locator("[data-testid=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => location.pathname.startsWith('/runs/')", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        var id = Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        var done = await app.WaitForTerminalAsync(id, TimeSpan.FromMinutes(3));
        Assert.Equal(RunState.Succeeded, done.State);
        var corpus = done.Parameters.GetProperty("uploadedCorpus").GetGuid();
        var datasets = page.Locator("[data-testid=run-datasets]");
        await datasets.WaitForAsync(BrowserSteps.Patient);
        var text = await datasets.InnerTextAsync();
        Assert.Contains("uploadedCorpus: cafe-dialogues.txt", text, StringComparison.Ordinal);
        Assert.Contains(Licence, text, StringComparison.Ordinal);
        Assert.Equal($"/datasets/{corpus}", await datasets.Locator("a").First.GetAttributeAsync("href"));
    }

    /// <summary>40 short dialogues whose first turns differ, so the test split has turns the model has not seen.</summary>
    private static string Corpus() => string.Join("\n\n", Enumerable.Range(0, 40).Select(i =>
        $"do you want {i % 7} teas or {i % 11} coffees\nyes, some tea please\nhere is your tea\nthank you"));
}
