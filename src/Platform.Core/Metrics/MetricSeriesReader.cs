using Npgsql;

namespace Platform.Core.Metrics;

/// <summary>
/// Reads a run's stored series, downsampled for charts or whole for export; each (key, step) once, with its latest value.
/// </summary>
public sealed class MetricSeriesReader(NpgsqlDataSource dataSource)
{
    private const string Select = """
        SELECT key, step, value FROM metric_points
        WHERE run_id = @run AND (@key::text IS NULL OR key = @key)
          AND (@from::bigint IS NULL OR step >= @from) AND (@to::bigint IS NULL OR step <= @to)
        ORDER BY key, step, id
        """;

    /// <summary>Every series of a run (or one key), each downsampled to <paramref name="maxPoints"/>, optionally only the steps in a range.</summary>
    public async Task<IReadOnlyList<MetricSeries>> ReadAsync(
        Guid runId, string? key, int maxPoints, CancellationToken cancellationToken, long? fromStep = null, long? toStep = null)
    {
        var series = new List<MetricSeries>();
        await foreach (var (seriesKey, points) in ReadRawAsync(runId, key, cancellationToken, fromStep, toStep))
        {
            series.Add(new MetricSeries(seriesKey, Downsampler.Downsample(points, maxPoints)));
        }

        return series;
    }

    public async IAsyncEnumerable<(string Key, List<(long Step, double Value)> Points)> ReadRawAsync(
        Guid runId, string? key, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken,
        long? fromStep = null, long? toStep = null)
    {
        await using var command = dataSource.CreateCommand(Select);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.Add(new NpgsqlParameter<string?>("key", key) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long?>("from", fromStep) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<long?>("to", toStep) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
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
            var step = reader.GetInt64(1);
            var value = reader.GetDouble(2);
            // A step stored twice (an attempt resumed from a checkpoint repeats the steps after it) counts once, with
            // the value logged last: rows come in id order within a step.
            if (points.Count > 0 && points[^1].Item1 == step)
            {
                points[^1] = (step, value);
            }
            else
            {
                points.Add((step, value));
            }
        }

        if (current is not null)
        {
            yield return (current, points);
        }
    }
}
