using Npgsql;

namespace Platform.Core.Runs;

/// <summary>Runs finished per hour, bucketed in SQL so the dashboard never loads the rows themselves.</summary>
public sealed class RunThroughputReader(NpgsqlDataSource dataSource)
{
    public const int MaxHours = 24 * 14;

    /// <summary>One bucket per hour for the last <paramref name="hours"/> hours (the current one included), oldest first, empty hours as zeros.</summary>
    public async Task<IReadOnlyList<HourlyThroughput>> FinishedPerHourAsync(int hours, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, MaxHours);
        // REVIEW: this scans runs by finished_at without an index of its own; add one if history grows past ~1M runs.
        await using var command = dataSource.CreateCommand("""
            SELECT h.hour,
                   count(j.id) FILTER (WHERE j.state = 'Succeeded')::int,
                   count(j.id) FILTER (WHERE j.state = 'Failed')::int,
                   count(j.id) FILTER (WHERE j.state = 'Cancelled')::int
            FROM generate_series(date_trunc('hour', now()) - (@hours - 1) * interval '1 hour', date_trunc('hour', now()), interval '1 hour') AS h(hour)
            LEFT JOIN runs j ON j.finished_at >= h.hour AND j.finished_at < h.hour + interval '1 hour'
            GROUP BY h.hour
            ORDER BY h.hour
            """);
        command.Parameters.AddWithValue("hours", hours);
        var buckets = new List<HourlyThroughput>(hours);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            buckets.Add(new HourlyThroughput(
                reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        }

        return buckets;
    }
}
