using System.Diagnostics;
using Platform.Bench.Benchmarks.Queue;
using Platform.Bench.Harness;
using Platform.Core.Events;
using Platform.Experiments;

namespace Platform.Bench.Benchmarks.Studies;

/// <summary>
/// No-op runs per second through the fair claim (runs of <see cref="Owners"/> owners, so each claim walks the owners):
/// <c>workers</c> worker processes of one slot each, or one process with that many slots (the baseline). The workers are
/// started and idle first; the clock starts as all runs are inserted in one statement (with one wake-up) and stops when
/// the last has succeeded.
/// </summary>
public static class FairThroughput
{
    public const int Owners = 4;

    public static async Task<double> ProcessesAsync(BenchContext context, int runs, int workers, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(context, cancellationToken);
        await using var processes = await WorkerProcesses.StartAsync(database.ConnectionString, workers, slots: 1, cancellationToken);
        return await DrainAsync(database, runs, cancellationToken);
    }

    public static async Task<double> OneProcessAsync(BenchContext context, int runs, int slots, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(context, cancellationToken);
        await using var app = await WorkerApp.CreateAsync(database.ConnectionString, slots, s => s.AddExperiment<NoOpExperiment>(), cancellationToken);
        await app.StartAsync(cancellationToken);
        return await DrainAsync(database, runs, cancellationToken);
    }

    private static async Task<double> DrainAsync(BenchDatabase database, int runs, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, runs).Select(_ => Guid.CreateVersion7()).ToArray();
        var clock = Stopwatch.StartNew();
        await using (var insert = database.DataSource.CreateCommand($$"""
            INSERT INTO runs (id, kind, parameters, seed, state, priority, attempt, max_attempts, cancel_requested, tags, progress, owner)
            SELECT r.id, @kind, '{}'::jsonb, r.i, 'Queued', 0, 0, 1, false, '{}', 0, 'bench-owner-' || (r.i % {{Owners}})
            FROM unnest(@ids) WITH ORDINALITY AS r(id, i);
            SELECT pg_notify('{{NotificationChannels.Runs}}', 'bench');
            """))
        {
            insert.Parameters.AddWithValue("kind", NoOpExperiment.KindName);
            insert.Parameters.AddWithValue("ids", ids);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await database.WaitForSucceededAsync(runs, TimeSpan.FromMinutes(3), cancellationToken);
        return runs / clock.Elapsed.TotalSeconds;
    }
}
