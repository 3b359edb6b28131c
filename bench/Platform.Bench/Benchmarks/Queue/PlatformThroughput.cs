using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bench.Harness;
using Platform.Experiments;

namespace Platform.Bench.Benchmarks.Queue;

/// <summary>
/// Drains a pre-filled queue of no-op runs through one real worker app running up to <c>workers</c> runs at once
/// (<c>Workers:MaxConcurrentRuns</c>, the analogue of Hangfire's <c>WorkerCount</c>). Each run takes the whole
/// real path: SKIP LOCKED claim, attempt history, environment record, lease keeper, metric flush, terminal write
/// and state events. Timed from the app's start until the last run is <c>Succeeded</c> in the database.
/// </summary>
public static class PlatformThroughput
{
    public static async Task<double> RunsPerSecondAsync(BenchContext context, int runs, int workers, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(context, cancellationToken);
        await QueueFill.FillAsync(runs, ct => database.SubmitAsync(NoOpExperiment.KindName, "{}", ct), cancellationToken);
        await using var app = await WorkerApp.CreateAsync(database.ConnectionString, workers, s => s.AddExperiment<NoOpExperiment>(), cancellationToken);
        var clock = Stopwatch.StartNew();
        await app.StartAsync(cancellationToken);
        await database.WaitForSucceededAsync(runs, TimeSpan.FromMinutes(2), cancellationToken);
        return runs / clock.Elapsed.TotalSeconds;
    }
}
