using System.Runtime.CompilerServices;
using Npgsql;

namespace Platform.Core.Metrics;

/// <summary>
/// Reads a run's stored series, downsampled for charts or streamed for export; each (key, step) once, with its latest
/// value. Nothing here holds a whole series: a run of millions of points costs a reader only what it keeps.
/// </summary>
public sealed class MetricSeriesReader(NpgsqlDataSource dataSource)
{
    /// <summary>Most points one downsampled read returns across all its series, so many keys cannot multiply maxPoints.</summary>
    public const int MaxPointsPerRead = 1_000_000;

    private const string Filter = """
        WHERE run_id = @run AND (@key::text IS NULL OR key = @key)
          AND (@from::bigint IS NULL OR step >= @from) AND (@to::bigint IS NULL OR step <= @to)
        """;

    private const string Select = $"SELECT key, step, value FROM metric_points {Filter} ORDER BY key, step, id";

    private const string Count = $"SELECT key, count(*) FROM metric_points {Filter} GROUP BY key";

    /// <summary>
    /// Every series of a run (or one key), each downsampled to <paramref name="maxPoints"/> as it is read (fewer when
    /// the series together would pass <see cref="MaxPointsPerRead"/>), optionally only the steps in a range.
    /// </summary>
    public async Task<IReadOnlyList<MetricSeries>> ReadAsync(
        Guid runId, string? key, int maxPoints, CancellationToken cancellationToken, long? fromStep = null, long? toStep = null)
    {
        var counts = await CountAsync(runId, key, fromStep, toStep, cancellationToken);
        var perSeries = Math.Max(3, Math.Min(maxPoints, MaxPointsPerRead / Math.Max(1, counts.Count)));
        var series = new List<MetricSeries>();
        string? current = null;
        Downsampler? downsampler = null;
        await foreach (var point in StreamAsync(runId, key, cancellationToken, fromStep, toStep))
        {
            if (point.Key != current)
            {
                if (downsampler is not null)
                {
                    series.Add(new MetricSeries(current!, downsampler.Finish()));
                }

                current = point.Key;
                downsampler = new Downsampler(counts.GetValueOrDefault(point.Key), perSeries);
            }

            downsampler!.Add(point.Step, point.Value);
        }

        if (downsampler is not null)
        {
            series.Add(new MetricSeries(current!, downsampler.Finish()));
        }

        return series;
    }

    /// <summary>Stored rows per key (a step stored twice counts twice, so this is at least the points read).</summary>
    public async Task<Dictionary<string, long>> CountAsync(Guid runId, string? key, long? fromStep, long? toStep, CancellationToken cancellationToken)
    {
        await using var command = Command(Count, runId, key, fromStep, toStep);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>Every point in key and step order, as the database returns it: one row is held at a time.</summary>
    public async IAsyncEnumerable<(string Key, long Step, double Value)> StreamAsync(
        Guid runId, string? key, [EnumeratorCancellation] CancellationToken cancellationToken, long? fromStep = null, long? toStep = null)
    {
        await using var command = Command(Select, runId, key, fromStep, toStep);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        (string Key, long Step, double Value)? pending = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = (reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2));
            // A step stored twice (an attempt resumed from a checkpoint repeats the steps after it) counts once, with
            // the value logged last: rows come in id order within a step.
            if (pending is { } held && (held.Key != row.Item1 || held.Step != row.Item2))
            {
                yield return held;
            }

            pending = row;
        }

        if (pending is { } last)
        {
            yield return last;
        }
    }

    private NpgsqlCommand Command(string sql, Guid runId, string? key, long? fromStep, long? toStep)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.Add(new NpgsqlParameter<string?>("key", key) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long?>("from", fromStep) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<long?>("to", toStep) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        return command;
    }
}
