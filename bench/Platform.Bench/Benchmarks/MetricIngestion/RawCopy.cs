using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Bench.Benchmarks.MetricIngestion;

/// <summary>
/// The limit: the same rows (same runs, key, steps, values) written into the same <c>metric_points</c> table by
/// one binary COPY on one connection, with Npgsql's synchronous row writer (the cheapest client code there is).
/// </summary>
public static class RawCopy
{
    private const string Copy = "COPY metric_points (run_id, key, step, value, at) FROM STDIN (FORMAT BINARY)";

    public static async Task<double> PointsPerSecondAsync(NpgsqlDataSource dataSource, IReadOnlyList<Guid> runs, int pointsPerRun, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        await using (var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken))
        {
            var at = DateTimeOffset.UtcNow;
            // Interleaved like concurrent runs arrive at the pump.
            for (long step = 0; step < pointsPerRun; step++)
            {
                foreach (var run in runs)
                {
                    importer.StartRow();
                    importer.Write(run, NpgsqlDbType.Uuid);
                    importer.Write(MetricFloodExperiment.Key, NpgsqlDbType.Text);
                    importer.Write(step, NpgsqlDbType.Bigint);
                    importer.Write(MetricFloodExperiment.ValueAt(step), NpgsqlDbType.Double);
                    importer.Write(at, NpgsqlDbType.TimestampTz);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        return (double)runs.Count * pointsPerRun / clock.Elapsed.TotalSeconds;
    }
}
