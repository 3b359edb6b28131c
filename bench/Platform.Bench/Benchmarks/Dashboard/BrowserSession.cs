using Microsoft.Playwright;
using Platform.Bench.Harness;

namespace Platform.Bench.Benchmarks.Dashboard;

/// <summary>
/// Chromium for a benchmark, relaunched once if a measurement stalls or the browser goes away. Headless Chromium on
/// a loaded machine has been seen to stop producing animation frames for good (every frame-driven wait then hangs);
/// a fresh browser recovers, and a second failure in a row is the benchmark's. Each relaunch is counted so the rows
/// can say a measurement was repeated.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly TimeSpan TabLimit = TimeSpan.FromSeconds(15);

    private IPlaywright _playwright;
    private IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public int Relaunches { get; private set; }

    public static async Task<BrowserSession> LaunchAsync()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        return new BrowserSession(playwright, browser);
    }

    public async Task<T> MeasureAsync<T>(string what, Func<IBrowser, Task<T>> measure)
    {
        try
        {
            return await measure(_browser);
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            Console.Error.WriteLine($"{what} failed, so Chromium is relaunched and it is measured once more: {e.Message}");
            await CloseAsync();
            (_playwright, _browser) = await Chromium.LaunchAsync();
            Relaunches++;
            return await measure(_browser);
        }
    }

    /// <summary>Opens a tab, bounded: a browser whose compositor is stuck never answers the request.</summary>
    public static Task<IPage> OpenTabAsync(IBrowser browser) =>
        Deadline.WithinAsync(browser.NewPageAsync(), TabLimit, "Opening a tab");

    /// <summary>Closes a tab without waiting on a browser that no longer answers.</summary>
    public static async Task CloseQuietlyAsync(IPage tab)
    {
        try
        {
            await Deadline.WithinAsync(tab.CloseAsync(), TabLimit, "Closing the tab");
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            Console.Error.WriteLine($"A tab could not be closed: {e.Message}");
        }
    }

    public ValueTask DisposeAsync() => new(CloseAsync());

    private async Task CloseAsync()
    {
        try
        {
            await Deadline.WithinAsync(_browser.CloseAsync(), TabLimit, "Closing Chromium");
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            Console.Error.WriteLine($"Chromium could not be closed: {e.Message}");
        }
        // Ends the driver process, and with it a browser that would not close.
        _playwright.Dispose();
    }
}
