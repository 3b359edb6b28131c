using Microsoft.Extensions.DependencyInjection;
using Platform.Bench.Harness;
using Platform.Core.Events;
using Platform.Experiments;

namespace Platform.Bench.Benchmarks.Queue;

/// <summary>
/// Submit → claim latency of an idle real worker app. Both sides are the same worker; "poll-only" is that worker
/// with its <see cref="NotificationListener"/> removed, so NOTIFY is still sent but nobody hears it and only the
/// runner's safety-net poll (<c>Workers:PollInterval</c>) finds the run. Latency is read from the database's own
/// clock: <c>started_at</c> (set by the claim statement) minus <c>created_at</c> (set by the submit transaction).
/// </summary>
public static class ClaimLatency
{
    private const string Latencies = "SELECT extract(epoch FROM started_at - created_at) * 1000 FROM runs";

    /// <summary>Submits one run at a time, spaced so that the worker is idle again before the next one.</summary>
    public static async Task<IReadOnlyList<double>> WithNotifyAsync(BenchContext context, int samples, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(context, cancellationToken);
        await using var app = await WorkerApp.CreateAsync(database.ConnectionString, 2, s => s.AddExperiment<NoOpExperiment>(), cancellationToken);
        await app.StartAsync(cancellationToken);
        await WarmUpAsync(database, cancellationToken);
        var random = new Random(1);
        for (var i = 0; i < samples; i++)
        {
            await database.SubmitAsync(NoOpExperiment.KindName, "{}", cancellationToken);
            await Task.Delay(random.Next(30, 60), cancellationToken);
        }

        await database.WaitForSucceededAsync(samples, TimeSpan.FromSeconds(30), cancellationToken);
        return await ReadAsync(database, cancellationToken);
    }

    /// <summary>Submits at uniformly random moments over a few poll periods; one poll tick claims all that wait.</summary>
    public static async Task<IReadOnlyList<double>> PollOnlyAsync(BenchContext context, int samples, TimeSpan pollInterval, int periods, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(context, cancellationToken);
        var settings = new Dictionary<string, string> { ["Workers:PollInterval"] = pollInterval.ToString("c") };
        await using var app = await WorkerApp.CreateAsync(database.ConnectionString, samples, s =>
        {
            s.AddExperiment<NoOpExperiment>();
            s.Remove(s.Single(d => d.ImplementationType == typeof(NotificationListener)));
        }, cancellationToken, settings);
        await app.StartAsync(cancellationToken);
        var window = pollInterval * periods;
        var random = new Random(2);
        var offsets = Enumerable.Range(0, samples).Select(_ => window * random.NextDouble()).Order().ToList();
        var started = DateTime.UtcNow;
        foreach (var offset in offsets)
        {
            var wait = started + offset - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            await database.SubmitAsync(NoOpExperiment.KindName, "{}", cancellationToken);
        }

        await database.WaitForSucceededAsync(samples, pollInterval * 3, cancellationToken);
        return await ReadAsync(database, cancellationToken);
    }

    // The first run of a process pays for JIT and first connections; it is not a claim latency.
    private static async Task WarmUpAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await Task.Delay(300, cancellationToken);
        await database.SubmitAsync(NoOpExperiment.KindName, "{}", cancellationToken);
        await database.WaitForSucceededAsync(1, TimeSpan.FromSeconds(30), cancellationToken);
        await database.ScalarAsync("DELETE FROM runs", cancellationToken);
    }

    private static async Task<IReadOnlyList<double>> ReadAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        var values = new List<double>();
        await using var command = database.DataSource.CreateCommand(Latencies);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(Convert.ToDouble(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return values;
    }
}
