using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bench.Benchmarks.Load;
using Platform.Bench.Benchmarks.LiveDelivery;
using Platform.Bench.Benchmarks.Queue;
using Platform.Bench.Harness;
using Platform.Experiments;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// The "trust" issue's load test, on loopback with API keys enforced and the default limits. Runs: 50 clients, each
/// with a runner key of its own, submit 1,000 runs at once; two worker hosts (the web app's own runner and a worker
/// app, 2 slots each) race to claim them; every run must end Succeeded after one attempt and one execution. Live:
/// 100 hub clients, each with a viewer key of its own, watch one run log 2,000 points; each must get every point, in
/// step order, once. There is no peer to compare with: the rows are absolute, and "met" is correctness only.
/// </summary>
public sealed class LoadBenchmark : IBenchmark
{
    private const string NoBaseline = "—";

    public string Name => "load";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var quick = context.Quick;
        var (clients, runs, subscribers) = quick ? (20, 200, 20) : (50, 1_000, 100);
        // 4 keys × 10 ms ticks: 400 points/s, for 5 s in the full form.
        var probe = new LiveProbeParameters { Ticks = quick ? 50 : 500, TickMs = 10, Keys = 4 };

        var database = await context.CreateDatabaseAsync(cancellationToken);
        await using var app = await BenchApp.StartAsync(database, maxConcurrentRuns: 2, s =>
        {
            AddRunFamilies(s);
            s.AddExperiment<LiveProbeExperiment>();
        }, cancellationToken, enforceKeys: true);
        await using var rival = await WorkerApp.CreateAsync(database, 2, AddRunFamilies, cancellationToken);
        await rival.StartAsync(cancellationToken);
        await WarmUpAsync(app, cancellationToken);

        var results = new List<BenchResult>();
        results.AddRange(await RunsAsync(app, clients, runs, cancellationToken));
        var live = await LiveCase.RunAsync(app, 1, subscribers, probe, cancellationToken);
        results.AddRange(LiveRows(subscribers, probe, live));
        return results;
    }

    private static void AddRunFamilies(IServiceCollection services)
    {
        services.AddExperiment<NoOpExperiment>();
        services.AddExperiment<OnceExperiment>();
    }

    // JIT, connection pools and both hosts' first claims; no-op runs, so the load's own kind holds only measured runs.
    private static async Task WarmUpAsync(BenchApp app, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 20; i++)
        {
            await app.SubmitAsync(NoOpExperiment.KindName, new { }, cancellationToken);
        }

        await new RunLedger(app.Services, NoOpExperiment.KindName).WaitUntilSettledAsync(20, TimeSpan.FromMinutes(1), cancellationToken);
        await LiveCase.RunAsync(app, 1, 2, new LiveProbeParameters { Ticks = 20, TickMs = 10, Keys = 2 }, cancellationToken);
    }

    private async Task<IEnumerable<BenchResult>> RunsAsync(BenchApp app, int clients, int runs, CancellationToken cancellationToken)
    {
        var ledger = new RunLedger(app.Services, OnceExperiment.KindName);
        var keys = await SubmissionLoad.CreateKeysAsync(app, clients, cancellationToken);
        var clock = Stopwatch.StartNew();
        var submitted = await SubmissionLoad.RunAsync(app, keys, runs, OnceExperiment.KindName, cancellationToken);
        await ledger.WaitUntilSettledAsync(submitted.Accepted.Count, TimeSpan.FromMinutes(5), cancellationToken);
        var endToEnd = clock.Elapsed;
        var once = await ledger.CheckAsync(submitted.Accepted, cancellationToken);
        var queueToDone = await ledger.QueueToDoneMsAsync(cancellationToken);

        var name = $"{runs:N0} runs from {clients} keys at once";
        var rows = new List<BenchResult>();
        rows.AddRange(LatencyRows($"{name}: submission", submitted.LatenciesMs));
        rows.Add(Row($"{name}: submissions answered", "requests/s", submitted.PerSecond));
        rows.Add(Row($"{name}: end to end (first submission → last run done, {endToEnd.TotalSeconds:0.0} s)", "runs/s", submitted.Accepted.Count / endToEnd.TotalSeconds));
        rows.AddRange(LatencyRows($"{name}: each run submit → Succeeded (database clock)", queueToDone));
        var refused = submitted.Refusals.Count == 0 ? "none refused" : $"{submitted.Refusals.Count} refused, first: {submitted.Refusals[0]}";
        rows.Add(new BenchResult(Name, $"{name}: exactly once ({once}; {refused})", "runs", once.OneExecution, NoBaseline, null,
            HigherIsBetter: true, "all Succeeded, 1 attempt, 1 execution; none refused", once.Holds && submitted.Refusals.Count == 0));
        return rows;
    }

    private IEnumerable<BenchResult> LiveRows(int subscribers, LiveProbeParameters probe, LiveCaseResult live)
    {
        var points = probe.Ticks * probe.Keys;
        var name = $"{subscribers} keyed subscribers × {points:N0} points of one live run";
        foreach (var row in LatencyRows($"{name}: delivery (logged → received)", live.LatenciesMs))
        {
            yield return row;
        }

        yield return new BenchResult(Name, $"{name}: delivered (lost {live.Lost}, out of order or repeated {live.OrderViolations})",
            "points", live.Delivered, NoBaseline, null, HigherIsBetter: true, "every point to every subscriber, in order, once",
            live.Lost == 0 && live.OrderViolations == 0);
    }

    private IEnumerable<BenchResult> LatencyRows(string name, IReadOnlyList<double> latenciesMs) =>
        new[] { ("p50", 50.0), ("p90", 90.0), ("p99", 99.0), ("max", 100.0) }.Select(p =>
            new BenchResult(Name, $"{name} {p.Item1}", "ms", Percentiles.Of(latenciesMs, p.Item2), NoBaseline, null, HigherIsBetter: false, "—", null));

    private BenchResult Row(string name, string unit, double value) =>
        new(Name, name, unit, value, NoBaseline, null, HigherIsBetter: true, "—", null);
}
