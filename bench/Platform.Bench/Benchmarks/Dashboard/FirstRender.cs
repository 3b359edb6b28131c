using Microsoft.Playwright;
using Platform.Bench.Harness;

namespace Platform.Bench.Benchmarks.Dashboard;

/// <summary>
/// Times of one page load, in ms since navigation start (performance.now()): when the content was first painted
/// (the prerendered HTML), when the circuit became interactive, when the content was painted for good (the later of
/// those once it no longer vanishes), and how often it vanished on the way.
/// </summary>
public sealed record FirstRenderTiming(double FirstPaintedMs, double InteractiveMs, double SettledMs, int Vanished, int ChartPoints, int ChartsInFirstPaint, int ChartSeries);

/// <summary>
/// Opens a run page in a fresh tab and times it in the page itself. A script installed before any of the page's
/// own runs watches the DOM from navigation start. The content is there when the page has its <c>charts</c> panels and
/// every one in the viewport carries points (panels further down draw when scrolled to; for <c>charts</c> = 0: when the
/// "no metrics" note is there); it counts as painted two animation frames after it
/// appears (the frame holding it has been drawn). Each appearance and disappearance is noted, because the
/// prerendered page is replaced when the interactive circuit renders it again.
/// </summary>
public static class FirstRender
{
    private const string Probe = """
        (() => {
          const want = window.__benchCharts;
          const b = window.__bench = { appeared: [], painted: [], vanished: 0, interactive: null, ready: false, changedAt: 0 };
          const ready = () => want === 0
            ? document.querySelector('[data-testid=no-metrics]') !== null
            : (() => {
                const all = [...document.querySelectorAll('[data-testid=chart]')];
                const inView = all.filter(c => c.getBoundingClientRect().top < window.innerHeight);
                return all.length >= want && inView.length > 0 && inView.every(c => Number(c.dataset.points) > 0);
              })();
          const check = () => {
            const now = performance.now();
            const r = ready();
            if (r && !b.ready) {
              const i = b.appeared.push(now) - 1;
              b.painted[i] = null;
              requestAnimationFrame(() => requestAnimationFrame(() => { b.painted[i] = performance.now(); }));
            }
            if (!r && b.ready) b.vanished++;
            if (r !== b.ready) { b.ready = r; b.changedAt = now; }
            if (b.interactive === null && document.querySelector('[data-testid=layout][data-interactive=true]')) {
              b.interactive = now; b.changedAt = now;
            }
          };
          new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
        })();
        """;

    // Settled: interactive, the content there and painted, and nothing changed for a while.
    private const string Settled = """
        () => { const b = window.__bench; return b && b.interactive !== null && b.ready && b.painted.length > 0
          && b.painted[b.painted.length - 1] !== null && performance.now() - b.changedAt > 500; }
        """;

    /// <summary>Scrolls through the page so every panel draws; a frame per step, or 100 ms if frames stall.</summary>
    private const string ScrollThrough = """
        async () => {
          const step = Math.max(100, window.innerHeight / 2);
          for (let y = 0, i = 0; y <= document.body.scrollHeight && i < 500; y += step, i++) {
            window.scrollTo(0, y);
            await new Promise(r => { requestAnimationFrame(r); setTimeout(r, 100); });
          }
        }
        """;

    private static readonly TimeSpan ScriptLimit = TimeSpan.FromSeconds(30);

    public static async Task<FirstRenderTiming> MeasureAsync(IBrowser browser, Uri page, int charts)
    {
        var tab = await BrowserSession.OpenTabAsync(browser);
        try
        {
            return await MeasureAsync(tab, page, charts);
        }
        catch (TimeoutException e)
        {
            // Playwright's own waits throw this type too.
            throw new TimeoutException($"{e.Message} Page {page}: {await PageState.DescribeAsync(tab)}", e);
        }
        finally
        {
            await BrowserSession.CloseQuietlyAsync(tab);
        }
    }

    private static async Task<FirstRenderTiming> MeasureAsync(IPage tab, Uri page, int charts)
    {
        Task<T> Evaluate<T>(string script) => Deadline.WithinAsync(tab.EvaluateAsync<T>(script), ScriptLimit, $"The script {script}");

        await Deadline.WithinAsync(tab.AddInitScriptAsync($"window.__benchCharts = {charts};\n{Probe}"), ScriptLimit, "Installing the probe");
        await tab.GotoAsync(page.ToString());
        await tab.WaitForFunctionAsync(Settled, null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        var first = await Evaluate<double>("() => window.__bench.painted[0]");
        var last = await Evaluate<double>("() => window.__bench.painted[window.__bench.painted.length - 1]");
        var interactive = await Evaluate<double>("() => window.__bench.interactive");
        var vanished = await Evaluate<int>("() => window.__bench.vanished");
        var painted = await Evaluate<int>(
            "() => [...document.querySelectorAll('[data-testid=chart]')].filter(c => Number(c.dataset.points) > 0).length");
        await Deadline.WithinAsync(tab.EvaluateAsync(ScrollThrough), ScriptLimit, "Scrolling through the page");
        await tab.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-testid=chart]')].every(c => Number(c.dataset.points) > 0)",
            null, new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 100 });
        var points = await Evaluate<int>(
            "() => [...document.querySelectorAll('[data-testid=chart]')].reduce((n, c) => n + Number(c.dataset.points), 0)");
        var series = await Evaluate<int>(
            "() => [...document.querySelectorAll('[data-testid=chart]')].reduce((n, c) => n + Number(c.dataset.series ?? 0), 0)");
        return new FirstRenderTiming(first, interactive, Math.Max(last, interactive), vanished, points, painted, series);
    }
}
