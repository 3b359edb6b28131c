using Npgsql;
using NpgsqlTypes;

namespace Platform.Core.Metrics;

/// <summary>Writes batches of points with binary COPY, the fastest way into PostgreSQL.</summary>
public sealed class MetricCopyWriter(NpgsqlDataSource dataSource)
{
    private const string Copy = "COPY metric_points (run_id, key, step, value, at) FROM STDIN (FORMAT BINARY)";

    public async Task WriteAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
        foreach (var sample in samples)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(sample.RunId, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(sample.Key, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(sample.Step, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(sample.Value, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(sample.At, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
