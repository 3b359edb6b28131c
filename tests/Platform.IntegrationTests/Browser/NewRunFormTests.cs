using System.Net.Http.Json;
using Microsoft.Playwright;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Browser;

/// <summary>The generated New-run form in a real browser: submitting, problems shown before submit, the server's problems after.</summary>
public sealed class NewRunFormTests(PostgresServer server)
{
    private const string HardwareForm = "families/hardware-profile/new";

    [Fact]
    public async Task Submitting_a_small_hardware_profile_run_opens_its_page_and_the_run_succeeds()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        await using var browser = await BrowserPage.OpenAsync(app, HardwareForm);
        var page = browser.Page;

        await FillAsync(page, "matrixSizes", "16, 32");
        await FillAsync(page, "repeats", "1");
        // The family's main knobs come first; the rest wait under "Advanced".
        await page.Locator("[data-testid=advanced] > summary").ClickAsync();
        await FillAsync(page, "copyBufferMiB", "1");
        await FillAsync(page, "trainBatchSize", "8");
        await FillAsync(page, "trainHiddenWidth", "8");
        await FillAsync(page, "trainSteps", "2");
        await FillAsync(page, "seed", "42");
        await FillAsync(page, "tags", "form test, small");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("new-run-form.png"), FullPage = true });
        await page.Locator("[data-testid=submit]").ClickAsync();
        // Blazor navigates with pushState; polling the path is steadier than waiting for a navigation event.
        await page.WaitForFunctionAsync("() => location.pathname.startsWith('/runs/')", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        var id = Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        var run = await app.GetRunAsync(id);
        Assert.Equal("hardware-profile", run.Kind);
        Assert.Equal([16, 32], run.Parameters.GetProperty("matrixSizes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(2, run.Parameters.GetProperty("trainSteps").GetInt32());
        Assert.Equal(42, run.Seed);
        Assert.Equal(["form test", "small"], run.Tags);
        await page.WaitForFunctionAsync(
            "() => document.querySelector('[data-testid=run-state]')?.textContent.trim() === 'Succeeded'",
            null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        Assert.Equal(RunState.Succeeded, (await app.GetRunAsync(id)).State);
    }

    [Fact]
    public async Task An_out_of_range_value_is_shown_at_its_field_as_it_is_typed_and_blocks_submit()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        await using var browser = await BrowserPage.OpenAsync(app, HardwareForm);
        var page = browser.Page;
        var submit = page.Locator("[data-testid=submit]");
        Assert.True(await submit.IsEnabledAsync());

        await FillAsync(page, "repeats", "500");
        await FillAsync(page, "matrixSizes", "64, 8");
        await FillAsync(page, "trainSteps", "2.5");

        await ExpectErrorAsync(page, "repeats", "'repeats' must be at most 100 (got 500).");
        await ExpectErrorAsync(page, "matrixSizes", "Each item of 'matrixSizes' must be at least 16 (got 8).");
        await ExpectErrorAsync(page, "trainSteps", "'trainSteps' must be an integer.");
        Assert.Contains("'repeats' must be at most 100 (got 500).", await page.Locator("[data-testid=field-repeats]").InnerTextAsync());
        Assert.True(await submit.IsDisabledAsync());
        Assert.Equal(1, await page.Locator("[data-testid=form-invalid]").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("new-run-field-errors.png"), FullPage = true });

        // Fixing the fields clears their messages and the form may be submitted again.
        await FillAsync(page, "repeats", "100");
        await FillAsync(page, "matrixSizes", "64");
        await FillAsync(page, "trainSteps", "2");
        await ExpectErrorAsync(page, "repeats", "");
        await ExpectErrorAsync(page, "trainSteps", "");
        // Each field's change is its own round trip to the circuit: wait for the last one to re-enable the button.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=submit]')?.disabled === false",
            null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        Assert.Equal(0, (await app.Client.GetFromJsonAsync<RunList>("/api/v1/runs", Json.Options, Ct))!.Total);
    }

    [Fact]
    public async Task A_cross_field_rule_is_shown_at_its_field_as_it_is_typed_and_blocks_submit()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        await using var browser = await BrowserPage.OpenAsync(app, HardwareForm);
        var page = browser.Page;

        // Each size is in range, so only the record's rule (no repeated size), which the binder checks, can object.
        await FillAsync(page, "matrixSizes", "64, 64");

        await ExpectErrorAsync(page, "matrixSizes", "Each matrix size may appear only once.");
        Assert.Contains("Each matrix size may appear only once.", await page.Locator("[data-testid=field-matrixSizes]").InnerTextAsync());
        Assert.True(await page.Locator("[data-testid=submit]").IsDisabledAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("new-run-cross-field.png"), FullPage = true });

        await FillAsync(page, "matrixSizes", "64, 128");
        await ExpectErrorAsync(page, "matrixSizes", "");
        Assert.False(await page.Locator("[data-testid=submit]").IsDisabledAsync());
    }

    [Fact]
    public async Task The_servers_problems_are_listed_in_a_summary_whose_links_lead_to_their_fields()
    {
        // Only the server knows the memory limit per run: a matrix of 4096² floats (three of them, ~200 MB) is over 64 MiB.
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web,
            new Dictionary<string, string> { ["Limits:MaxRunMemoryBytes"] = (64L << 20).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await using var browser = await BrowserPage.OpenAsync(app, HardwareForm);
        var page = browser.Page;

        await FillAsync(page, "matrixSizes", "64, 4096");
        await ExpectErrorAsync(page, "matrixSizes", "");
        await page.Locator("[data-testid=submit]").ClickAsync();

        var summary = page.Locator("[data-testid=error-summary]");
        await summary.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        var items = (await summary.Locator("[data-testid=error-item]").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Contains(items, i => i.StartsWith("Matrix sizes: This run would hold about", StringComparison.Ordinal));
        // The page moved to the first bad field by itself; after looking elsewhere, the summary's link goes back to it.
        await ExpectFocusAsync(page, "field-matrixSizes");
        await page.Locator("[data-testid=submit]").FocusAsync();
        await summary.Locator("[data-testid=error-link][data-field=matrixSizes]").ClickAsync();
        await ExpectFocusAsync(page, "field-matrixSizes");

        await FillAsync(page, "matrixSizes", "64, 128");
        await ExpectErrorAsync(page, "matrixSizes", "");
        await summary.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 15_000 });
    }

    [Fact]
    public async Task The_preset_picker_comes_first_and_the_families_main_knobs_before_the_advanced_ones()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        await using var browser = await BrowserPage.OpenAsync(app, "families/serving-throughput/new");
        var page = browser.Page;

        var order = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[data-testid^=field-]')].map(e => e.dataset.testid.substring(6))");
        Assert.Equal("preset", order[0]);
        Assert.Equal(["mode", "model", "gpu", "tensorParallel", "workload", "engines"], order[1..7]);
        Assert.False(await page.Locator("[data-testid=field-gemmCurveExponent]").IsVisibleAsync());
        await page.Locator("[data-testid=advanced] > summary").ClickAsync();
        Assert.True(await page.Locator("[data-testid=field-gemmCurveExponent]").IsVisibleAsync());
    }

    [Fact]
    public async Task The_form_prefills_from_an_earlier_run_and_queues_it_again()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var earlier = await app.SubmitAsync(new { kind = CounterExperiment.KindName, parameters = new { points = 17, keys = 3 }, seed = 99, tags = new[] { "first" } });
        await using var browser = await BrowserPage.OpenAsync(app, $"families/{CounterExperiment.KindName}/new?from={earlier.Id}");
        var page = browser.Page;

        Assert.Equal("17", await page.Locator("[data-testid=field-points] input").InputValueAsync());
        Assert.Equal("3", await page.Locator("[data-testid=field-keys] input").InputValueAsync());
        Assert.Equal("99", await page.Locator("[data-testid=field-seed] input").InputValueAsync());
        Assert.Equal("first", await page.Locator("[data-testid=field-tags] input").InputValueAsync());
        await page.Locator("[data-testid=submit]").ClickAsync();
        // Blazor navigates with pushState; polling the path is steadier than waiting for a navigation event.
        await page.WaitForFunctionAsync("() => location.pathname.startsWith('/runs/')", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        var again = await app.GetRunAsync(Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]));
        Assert.NotEqual(earlier.Id, again.Id);
        Assert.Equal(earlier.Parameters.GetRawText(), again.Parameters.GetRawText());
        Assert.Equal(earlier.Seed, again.Seed);
        Assert.Equal(earlier.Tags, again.Tags);
    }

    [Fact]
    public async Task The_form_prefills_from_a_preset_and_names_it()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        await using var browser = await BrowserPage.OpenAsync(app, $"families/{CounterExperiment.KindName}/new?preset=slow");
        var page = browser.Page;

        Assert.Equal("100", await page.Locator("[data-testid=field-points] input").InputValueAsync());
        Assert.Equal("20", await page.Locator("[data-testid=field-delayMs] input").InputValueAsync());
        Assert.Contains("Slow count", await page.Locator("[data-testid=prefill-notice]").InnerTextAsync());
        Assert.Contains("Slow count", await page.Locator("[data-testid=field-preset]").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("new-run-preset.png"), FullPage = true });
        await FillAsync(page, "points", "40");
        await page.Locator("[data-testid=submit]").ClickAsync();
        // Blazor navigates with pushState; polling the path is steadier than waiting for a navigation event.
        await page.WaitForFunctionAsync("() => location.pathname.startsWith('/runs/')", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        var run = await app.GetRunAsync(Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]));
        Assert.Equal(40, run.Parameters.GetProperty("points").GetInt32());
        Assert.Equal(20, run.Parameters.GetProperty("delayMs").GetInt32());
    }

    [Fact]
    public async Task An_unknown_family_gets_a_clear_message()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        await using var browser = await BrowserPage.OpenAsync(app, "families/no-such-family/new");

        var message = await browser.Page.Locator("[data-testid=unknown-kind]").InnerTextAsync();

        Assert.Contains("no experiment family called 'no-such-family'", message);
        Assert.Contains("hardware-profile", message);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Screenshot(string name) => Path.Combine(AppContext.BaseDirectory, name);

    private static Task FillAsync(IPage page, string field, string text) =>
        page.Locator($"[data-testid=field-{field}] input").FillAsync(text);

    private static Task ExpectFocusAsync(IPage page, string testId) =>
        page.WaitForFunctionAsync("t => document.activeElement?.dataset?.testid === t", testId, new PageWaitForFunctionOptions { Timeout = 15_000 });

    /// <summary>Waits until the field shows <paramref name="error"/> ("" for none); the check runs on the server as the user types.</summary>
    private static Task ExpectErrorAsync(IPage page, string field, string error) =>
        page.WaitForFunctionAsync(
            "([f, e]) => (document.querySelector(`[data-testid=field-${f}]`)?.dataset.error ?? '') === e",
            new[] { field, error }, new PageWaitForFunctionOptions { Timeout = 15_000 });

    /// <summary>A browser on one page of the app, ready once the circuit is interactive.</summary>
    private sealed class BrowserPage : IAsyncDisposable
    {
        private readonly BrowserFixture _browser;

        private BrowserPage(BrowserFixture browser, IPage page) => (_browser, Page) = (browser, page);

        public IPage Page { get; }

        public static async Task<BrowserPage> OpenAsync(TestApp app, string path)
        {
            var browser = await BrowserFixture.LaunchAsync();
            try
            {
                var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
                await page.GotoAsync(new Uri(app.Address, path).ToString());
                await page.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
                return new BrowserPage(browser, page);
            }
            catch
            {
                await browser.DisposeAsync();
                throw;
            }
        }

        public ValueTask DisposeAsync() => _browser.DisposeAsync();
    }
}
