using Microsoft.Playwright;

namespace Platform.IntegrationTests.Browser;

/// <summary>
/// Playwright and a headless Debian Chromium for one test, launched together and disposed together:
/// <c>await using var browser = await BrowserFixture.LaunchAsync();</c>. Playwright's own browser download is
/// impossible here, so the launch names the system binary, and the flags keep Chromium from reaching for the
/// network at start.
/// </summary>
internal sealed class BrowserFixture : IAsyncDisposable
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The size the dashboard tests look at it in.</summary>
    public static readonly ViewportSize Dashboard = new() { Width = 1440, Height = 900 };

    private readonly IPlaywright _playwright;

    private BrowserFixture(IPlaywright playwright, IBrowser browser) => (_playwright, Browser) = (playwright, browser);

    public IBrowser Browser { get; }

    public static async Task<BrowserFixture> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable("PLATFORM_CHROMIUM") ?? DefaultPath;
        if (!File.Exists(path))
        {
            Assert.Fail($"Chromium was not found at {path}. Install Debian's 'chromium' package (scripts/install-prereqs.sh does) or set PLATFORM_CHROMIUM.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                ],
            });
            return new BrowserFixture(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A page in a context of its own (Playwright's default size unless <paramref name="options"/> say).</summary>
    public Task<IPage> NewPageAsync(BrowserNewPageOptions? options = null) => Browser.NewPageAsync(options);

    /// <summary>A page at the dashboard tests' size, <see cref="Dashboard"/>.</summary>
    public Task<IPage> NewDashboardPageAsync() => Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Dashboard });

    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null) => Browser.NewContextAsync(options);

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
