using Microsoft.Playwright;

namespace Platform.IntegrationTests.Browser;

/// <summary>Steps the dashboard tests share: wait for the live circuit, find a run's row, keep a screenshot.</summary>
internal static class BrowserSteps
{
    public static readonly LocatorWaitForOptions Patient = new() { Timeout = 30_000 };

    /// <summary>Prerendered buttons do nothing; the layout flags when the circuit is live.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=layout][data-interactive=true]").WaitForAsync(Patient);

    public static ILocator Row(IPage page, Guid id) =>
        page.Locator($"[data-testid=runs-grid] tr:has([data-testid=run-link][data-id='{id}'])");

    public static ILocator GridRows(IPage page) =>
        page.Locator("[data-testid=runs-grid] tr:has([data-testid=run-link])");

    /// <summary>Waits until the grid shows exactly these runs, in any order.</summary>
    public static Task WaitForRowsAsync(IPage page, params Guid[] ids) =>
        page.WaitForFunctionAsync(
            """
            ids => {
                const shown = [...document.querySelectorAll('[data-testid=runs-grid] [data-testid=run-link]')].map(a => a.dataset.id).sort();
                return JSON.stringify(shown) === JSON.stringify([...ids].sort());
            }
            """,
            ids.Select(i => i.ToString()).ToArray(), new PageWaitForFunctionOptions { Timeout = 30_000 });

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, name + ".png"), FullPage = true });
}
