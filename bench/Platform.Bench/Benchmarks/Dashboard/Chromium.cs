using Microsoft.Playwright;

namespace Platform.Bench.Benchmarks.Dashboard;

/// <summary>
/// Debian's Chromium driven by Playwright, launched as the browser tests launch it: Playwright's own browser
/// download is impossible here, and the flags keep Chromium from reaching for the network.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable("PLATFORM_CHROMIUM") ?? DefaultPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Chromium was not found at {path}. Install Debian's 'chromium' package (scripts/install-prereqs.sh does) or set PLATFORM_CHROMIUM.", path);
        }

        var playwright = await Playwright.CreateAsync();
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
        return (playwright, browser);
    }
}
