using System.Text.Json;
using Microsoft.Playwright;
using Platform.Bench.Harness;

namespace Platform.Bench.Benchmarks.Dashboard;

/// <summary>What the page's animation frames looked like over a window.</summary>
public sealed record FrameSample(IReadOnlyList<double> FrameMs, int ChartUpdates, int PointsAdded)
{
    public double MeanFps => FrameMs.Count == 0 ? 0 : FrameMs.Count / (FrameMs.Sum() / 1e3);

    public double LongestFrameMs => FrameMs.Count == 0 ? 0 : FrameMs.Max();
}

/// <summary>
/// Records, inside the page, the gap between consecutive requestAnimationFrame callbacks for a while: a gap is
/// one frame's duration, so a long one is a frame the user saw stall. Also counts how often chart k0's point
/// count changed (how many live renders reached the DOM) and how many points it gained.
/// </summary>
public static class FrameSampler
{
    private const string Sampler = """
        async (ms) => {
          const chart = () => document.querySelector('[data-testid=chart][data-group=k0]');
          const before = Number(chart()?.dataset.points ?? 0);
          let updates = 0;
          const observer = new MutationObserver(list => {
            for (const m of list) if (m.target.dataset?.group === 'k0') updates++;
          });
          observer.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-points'] });
          const frames = [];
          await new Promise(resolve => {
            let start = null, last = null, done = false;
            const finish = () => { done = true; resolve(); };
            const tick = ts => {
              if (done) return;
              if (start === null) start = ts; else frames.push(ts - last);
              last = ts;
              if (ts - start < ms) requestAnimationFrame(tick); else finish();
            };
            requestAnimationFrame(tick);
            // If frames stall the window still ends, and the stall counts as one long frame.
            setTimeout(() => { if (!done) { frames.push(performance.now() - (last ?? 0)); finish(); } }, 2 * ms + 1000);
          });
          observer.disconnect();
          return { frames, updates, added: Number(chart()?.dataset.points ?? 0) - before };
        }
        """;

    public static async Task<FrameSample> SampleAsync(IPage page, TimeSpan window)
    {
        var result = await Deadline.WithinAsync(
            page.EvaluateAsync<JsonElement>(Sampler, window.TotalMilliseconds), 2 * window + TimeSpan.FromSeconds(30), "Sampling frames");
        var frames = result.GetProperty("frames").EnumerateArray().Select(f => f.GetDouble()).ToList();
        return new FrameSample(frames, result.GetProperty("updates").GetInt32(), result.GetProperty("added").GetInt32());
    }
}
