using System.Diagnostics;
using System.Net.Http.Json;
using Platform.Bench.Benchmarks.LiveDelivery;
using Platform.Bench.Benchmarks.Queue;
using Platform.Bench.Harness;
using Platform.Core.Runs;
using Platform.Experiments;

namespace Platform.Bench.Benchmarks.Studies;

/// <summary>
/// Time to queue a 1,000-run study (200 points × 5 seeds) through <c>POST /api/v1/studies</c>: every point bound by the
/// family's binder, then the study, its runs and their places inserted in one transaction. Baseline: the same 1,000 runs
/// queued one at a time through <see cref="RunQueue.EnqueueAsync(NewRun, CancellationToken)"/> by 4 concurrent callers
/// (no HTTP), i.e. what a script looping over the runs API would at best cost.
/// </summary>
public static class StudyQueueing
{
    public const int Points = 200;
    public const int Seeds = 5;

    public static async Task<(IReadOnlyList<double> StudyMs, IReadOnlyList<double> OneByOneMs)> MeasureAsync(
        BenchContext context, int repetitions, CancellationToken cancellationToken)
    {
        var database = await context.CreateDatabaseAsync(cancellationToken);
        // One slot: the app's runner drains the studies meanwhile, as it would in use, without crowding the measurement.
        await using var app = await BenchApp.StartAsync(database, maxConcurrentRuns: 1, s => s.AddExperiment<SweepNoOpExperiment>(), cancellationToken);
        var body = new { kind = SweepNoOpExperiment.KindName, seeds = Seeds, sweep = new { grid = new { point = Enumerable.Range(0, Points).ToArray() } } };
        await PostAsync(app, body, cancellationToken); // warm-up: JIT, pools, binder caches

        var study = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            await PostAsync(app, body, cancellationToken);
            study.Add(clock.Elapsed.TotalMilliseconds);
        }

        await using var queue = await BenchDatabase.CreateAsync(context, cancellationToken);
        await QueueFill.FillAsync(20, ct => queue.SubmitAsync(SweepNoOpExperiment.KindName, "{}", ct), cancellationToken);
        var oneByOne = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            await QueueFill.FillAsync(Points * Seeds, ct => queue.SubmitAsync(SweepNoOpExperiment.KindName, "{\"point\":1}", ct), cancellationToken);
            oneByOne.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (study, oneByOne);
    }

    private static async Task PostAsync(BenchApp app, object body, CancellationToken cancellationToken)
    {
        using var response = await app.Client.PostAsJsonAsync("/api/v1/studies", body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Queueing the study failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
