using System.Text.Json;
using Microsoft.Playwright;
using Platform.Bench.Harness;

namespace Platform.Bench.Benchmarks.Dashboard;

/// <summary>
/// What a page looked like when a wait on it ran out, for the failure message: whether it still produces animation
/// frames (a stalled compositor starves every frame-driven wait), its size and its charts.
/// </summary>
public static class PageState
{
    private const string Describe = """
        async () => {
          const frame = await Promise.race([
            new Promise(r => requestAnimationFrame(() => r(true))),
            new Promise(r => setTimeout(() => r(false), 1000)),
          ]);
          const charts = [...document.querySelectorAll('[data-testid=chart]')];
          return {
            url: location.pathname, visibility: document.visibilityState, framesWithin1s: frame,
            innerHeight: window.innerHeight, scrollHeight: document.body.scrollHeight, scrollY: window.scrollY,
            interactive: document.querySelector('[data-testid=layout][data-interactive=true]') !== null,
            charts: charts.length, chartsWithPoints: charts.filter(c => Number(c.dataset.points) > 0).length,
            probe: window.__bench ?? null,
          };
        }
        """;

    public static async Task<string> DescribeAsync(IPage page)
    {
        try
        {
            var state = await Deadline.WithinAsync(page.EvaluateAsync<JsonElement>(Describe), TimeSpan.FromSeconds(5), "Describing the page");
            return state.GetRawText();
        }
        catch (Exception e)
        {
            return $"(could not be read: {e.GetType().Name}: {e.Message})";
        }
    }
}
