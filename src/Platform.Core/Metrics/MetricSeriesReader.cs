using Npgsql;

namespace Platform.Core.Metrics;

/// <summary>Reads a run's stored series, downsampled for charts or whole for export.</summary>
public sealed class MetricSeriesReader(NpgsqlDataSource dataSource)
{
    private const string Select = """
        SELECT key, step, value FROM metric_points
        WHERE run_id = @run AND (@key::text IS NULL OR key = @key)
        ORDER BY key, step, id
        """;

    public async Task<IReadOnlyList<MetricSeries>> ReadAsync(Guid runId, string? key, int maxPoints, CancellationToken cancellationToken)
    {
        var series = new List<MetricSeries>();
        await foreach (var (seriesKey, points) in ReadRawAsync(runId, key, cancellationToken))
        {
            series.Add(new MetricSeries(seriesKey, Downsampler.Downsample(points, maxPoints)));
        }

        return series;
    }

    public async IAsyncEnumerable<(string Key, List<(long Step, double Value)> Points)> ReadRawAsync(
        Guid runId, string? key, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Select);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.Add(new NpgsqlParameter<string?>("key", key) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? current = null;
        var points = new List<(long, double)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowKey = reader.GetString(0);
            if (current is not null && rowKey != current)
            {
                yield return (current, points);
                points = [];
            }

            current = rowKey;
            points.Add((reader.GetInt64(1), reader.GetDouble(2)));
        }

        if (current is not null)
        {
            yield return (current, points);
        }
    }
}
