using Platform.Bench.Benchmarks.Queue;
using Platform.Bench.Harness;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// Benchmark 3: how fast an idle worker picks up a submitted run (LISTEN/NOTIFY against the same worker polling
/// only), and how many no-op runs per second the queue and runner push through 1, 2 and 4 concurrent slots,
/// beside Hangfire on PostgreSQL doing the same work on the same cluster in the same run.
/// </summary>
public sealed class QueueBenchmark : IBenchmark
{
    // The platform's default poll period; quick mode shortens it so the smoke run stays short.
    private static readonly TimeSpan s_defaultPoll = new Platform.Workers.WorkerOptions().PollInterval;

    public string Name => "queue";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var quick = context.Quick;
        var poll = quick ? TimeSpan.FromSeconds(1) : s_defaultPoll;
        var notified = await ClaimLatency.WithNotifyAsync(context, quick ? 10 : 100, cancellationToken);
        var polled = await ClaimLatency.PollOnlyAsync(context, quick ? 5 : 20, poll, quick ? 1 : 2, cancellationToken);
        var baseline = $"poll-only, {poll.TotalSeconds:0.#} s poll";
        var results = new List<BenchResult>
        {
            Latency("submit→claim p50", notified, polled, 50, baseline, "< 20 ms"),
            Latency("submit→claim p95", notified, polled, 95, baseline, "—"),
        };

        var runs = quick ? 50 : 2_000;
        foreach (var workers in new[] { 1, 2, 4 })
        {
            var ours = await PlatformThroughput.RunsPerSecondAsync(context, runs, workers, cancellationToken);
            var hangfire = await HangfireThroughput.JobsPerSecondAsync(context, runs, workers, cancellationToken);
            results.Add(new BenchResult(Name, $"{runs:N0} no-op runs, {workers} worker{(workers > 1 ? "s" : "")}", "runs/s",
                ours, "Hangfire.PostgreSql", hangfire, HigherIsBetter: true, "≥ Hangfire", ours >= hangfire));
        }

        return results;
    }

    private BenchResult Latency(string name, IReadOnlyList<double> ours, IReadOnlyList<double> polled, double p, string baseline, string target)
    {
        var value = Percentiles.Of(ours, p);
        return new BenchResult(Name, name, "ms", value, baseline, Percentiles.Of(polled, p), HigherIsBetter: false, target,
            p == 50 ? value < 20 : null);
    }
}
