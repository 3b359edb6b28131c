using System.Text;
using Microsoft.Playwright;
using Platform.Core.Runs;
using Platform.Experiments;
using Platform.Experiments.Contract;
using Platform.IntegrationTests.Support;
using Platform.Web;

namespace Platform.IntegrationTests.Browser;

/// <summary>
/// Every editor the form generates, in a real browser, on a test family that has one knob of each kind: an upload,
/// a choice, a multi-choice, a switch and a list of fractions.
/// </summary>
public sealed class NewRunEditorsTests(PostgresServer server)
{
    [Fact]
    public async Task Each_kind_of_knob_is_edited_and_submitted()
    {
        await using var host = await StartAsync(await server.CreateDatabaseAsync());
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1100 } });
        await page.GotoAsync(new Uri(host.Address, $"families/{EditorsExperiment.KindName}/new").ToString());
        await page.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        // A file longer than the knob's limit is refused and the field says why.
        await ChooseFileAsync(page, "big.txt", new string('x', 41));
        await WaitForAsync(page, "[data-testid=field-corpus]", "big.txt has 41 characters; at most 40 are allowed.");
        await ChooseFileAsync(page, "corpus.txt", "hello world\nsecond line");
        await WaitForAsync(page, "[data-testid=upload-status-corpus]", "corpus.txt: 23 characters");

        await page.Locator("[data-testid=field-verbose] input").CheckAsync();
        await page.Locator("[data-testid=field-mode] [role=combobox]").ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "lines", Exact = true }).ClickAsync();
        await WaitForAsync(page, "[data-testid=field-mode] [role=combobox]", "lines");
        await page.Locator("[data-testid=field-weights] input").FillAsync("0.25, 0.75");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "new-run-editors.png"), FullPage = true });
        await page.Locator("[data-testid=submit]").ClickAsync();
        // Blazor navigates with pushState; polling the path is steadier than waiting for a navigation event.
        await page.WaitForFunctionAsync("() => location.pathname.startsWith('/runs/')", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        using var client = new HttpClient { BaseAddress = host.Address };
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var run = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<RunDto>(client, $"/api/v1/runs/{id}", Json.Options, TestContext.Current.CancellationToken);
        var parameters = run!.Parameters;
        Assert.Equal("hello world\nsecond line", parameters.GetProperty("corpus").GetString());
        Assert.True(parameters.GetProperty("verbose").GetBoolean());
        Assert.Equal("lines", parameters.GetProperty("mode").GetString());
        Assert.Equal([0.25, 0.75], parameters.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(["loss"], parameters.GetProperty("metrics").EnumerateArray().Select(e => e.GetString()));
    }

    /// <summary>Clicks the field's button and answers the browser's file chooser, as a user would.</summary>
    private static async Task ChooseFileAsync(IPage page, string name, string text)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Locator("[data-testid=upload-corpus]").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = name, MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text) });
    }

    private static Task WaitForAsync(IPage page, string selector, string text) =>
        page.Locator(selector, new PageLocatorOptions { HasText = text }).WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

    /// <summary>A web-only app (nothing runs the queued run) with the editors family added.</summary>
    private static Task<PlatformHost> StartAsync(string connectionString)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0", "--environment=Development", "--Platform:Role=web", "--Security:LocalMode=true",
            $"--ConnectionStrings:Platform={connectionString}", "--Logging:LogLevel:Default=Warning",
        ];
        return PlatformHost.StartAsync(args, b => b.Services.AddExperiment<EditorsExperiment>(), TestContext.Current.CancellationToken);
    }

    public sealed class EditorsParameters
    {
        [Parameter("A corpus, one phrase per line.", Upload = true, MaxLength = 40)]
        public string Corpus { get; set; } = "";

        [Parameter("How to split the corpus.", Choices = ["words", "lines"])]
        public string Mode { get; set; } = "words";

        [Parameter("Metrics to log.", Choices = ["loss", "accuracy"], MinItems = 1)]
        public List<string> Metrics { get; set; } = ["loss"];

        [Parameter("Log every step.")]
        public bool Verbose { get; set; }

        [Parameter("Mixing weights.", Minimum = 0, Maximum = 1, MinItems = 1, MaxItems = 4)]
        public List<double> Weights { get; set; } = [0.5];
    }

    public sealed class EditorsExperiment : Experiment<EditorsParameters>
    {
        public const string KindName = "test-editors";

        public override string Kind => KindName;

        public override string Title => "Editors (test)";

        public override string Description => "Has one knob of each kind; never run.";

        protected override Task<RunSummary> RunAsync(EditorsParameters parameters, IRunContext context, CancellationToken cancellationToken) =>
            Task.FromResult(RunSummary.FromMetrics(new Dictionary<string, double>()));
    }
}
