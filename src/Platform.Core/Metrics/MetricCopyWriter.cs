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
        // Synchronous row writes: they only buffer, and touch the socket when Npgsql's buffer fills. Five awaited
        // writes per row cost more than the COPY itself at this volume.
        foreach (var sample in samples)
        {
            importer.StartRow();
            importer.Write(sample.RunId, NpgsqlDbType.Uuid);
            importer.Write(sample.Key, NpgsqlDbType.Text);
            importer.Write(sample.Step, NpgsqlDbType.Bigint);
            importer.Write(sample.Value, NpgsqlDbType.Double);
            importer.Write(sample.At, NpgsqlDbType.TimestampTz);
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
