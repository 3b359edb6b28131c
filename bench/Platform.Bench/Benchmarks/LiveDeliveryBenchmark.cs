using Platform.Bench.Benchmarks.LiveDelivery;
using Platform.Bench.Harness;
using Platform.Experiments;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// Issue 10, benchmark 2: from <c>LogAsync</c> in a worker to the point arriving at SignalR clients on loopback.
/// A probe family logs, every 10 ms, one point per key whose value is its send time; hub clients in this process
/// subtract it from their arrival time. Ours is the platform's path (channel → pump batching up to 200 ms → binary
/// COPY → bus → hub forwarder). There is no outside tool to compare with, so the baseline is the floor of the path:
/// the same ticks sent as they happen straight through IHubContext to the same group and clients (no channel, no
/// COPY, no batching). The ratio is what storing before publishing costs; the pump's 200 ms window dominates it.
/// </summary>
public sealed class LiveDeliveryBenchmark : IBenchmark
{
    private const double TargetP95Ms = 250;

    public string Name => "live-delivery";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var quick = context.Quick;
        // Full: 10 keys × 100 ticks/s = 1,000 points/s per run for 4 s.
        var probe = new LiveProbeParameters { Ticks = quick ? 30 : 400, TickMs = 10, Keys = quick ? 5 : 10 };
        (int Runs, int Subscribers)[] cases = quick ? [(1, 1), (1, 10), (3, 3)] : [(1, 1), (1, 10), (1, 100), (10, 10)];

        await using var app = await BenchApp.StartAsync(
            await context.CreateDatabaseAsync(cancellationToken), maxConcurrentRuns: 10,
            services => services.AddExperiment<LiveProbeExperiment>(), cancellationToken);

        // Warm-up, not reported: JIT, connection pools, the first claim.
        var warm = new LiveProbeParameters { Ticks = 20, TickMs = 10, Keys = 2 };
        await LiveCase.RunAsync(app, 1, 2, warm, cancellationToken);
        await LiveCase.RunAsync(app, 1, 2, Direct(warm), cancellationToken);

        var results = new List<BenchResult>();
        foreach (var (runs, subscribers) in cases)
        {
            var ours = await LiveCase.RunAsync(app, runs, subscribers, probe, cancellationToken);
            var floor = await LiveCase.RunAsync(app, runs, subscribers, Direct(probe), cancellationToken);
            results.AddRange(Rows(runs, subscribers, probe, ours, floor));
        }

        return results;
    }

    private IEnumerable<BenchResult> Rows(int runs, int subscribers, LiveProbeParameters probe, LiveCaseResult ours, LiveCaseResult floor)
    {
        var name = runs == 1 ? $"{subscribers} subscriber{(subscribers == 1 ? "" : "s")}" : $"{runs} runs × {subscribers} subscribers";
        var total = runs * subscribers;
        const string baseline = "direct IHubContext push";
        foreach (var p in new[] { 50.0, 95, 99 })
        {
            var targeted = p == 95 && total >= 100;
            var value = Percentiles.Of(ours.LatenciesMs, p);
            yield return new BenchResult(
                Name, $"{name}: p{p} latency", "ms", value, baseline, Percentiles.Of(floor.LatenciesMs, p),
                HigherIsBetter: false, targeted ? $"p95 < {TargetP95Ms} ms" : "—", targeted ? value < TargetP95Ms : null);
        }

        var intact = ours.Lost == 0 && ours.OrderViolations == 0;
        yield return new BenchResult(
            Name,
            $"{name}: delivered ({probe.Keys * 1000 / probe.TickMs:N0} points/s logged per run; ours lost {ours.Lost}, out of order {ours.OrderViolations}; baseline lost {floor.Lost}, out of order {floor.OrderViolations})",
            "points/s", ours.PointsPerSecond, baseline, floor.PointsPerSecond, HigherIsBetter: true,
            "every point, in order", intact);
    }

    private static LiveProbeParameters Direct(LiveProbeParameters p) =>
        new() { Ticks = p.Ticks, TickMs = p.TickMs, Keys = p.Keys, Direct = true };
}
