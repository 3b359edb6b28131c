using Npgsql;

namespace Platform.Core.Workers;

/// <summary>Reads the workers that are alive: those whose heartbeat is recent, with the runs they hold a lease on.</summary>
public sealed class WorkerReader(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Workers beat every 5 s; one that missed four beats in a row is gone (crashed or cut off) even though a crash
    /// leaves its row behind. The reaper, not this view, decides what happens to its runs.
    /// </summary>
    public static readonly TimeSpan AliveWindow = TimeSpan.FromSeconds(20);

    public async Task<IReadOnlyList<WorkerDto>> ListAliveAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT w.id, w.role, w.host, w.capacity, w.running, w.version, w.started_at, w.heartbeat_at,
                   extract(epoch FROM now() - w.heartbeat_at)::float8,
                   coalesce(array_agg(j.id ORDER BY j.started_at) FILTER (WHERE j.id IS NOT NULL), '{}')
            FROM workers w
            LEFT JOIN runs j ON j.lease_owner = w.id AND j.state = 'Running'
            WHERE w.heartbeat_at > now() - @window
            GROUP BY w.id
            ORDER BY w.started_at, w.id
            """);
        command.Parameters.AddWithValue("window", AliveWindow);
        var workers = new List<WorkerDto>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            workers.Add(new WorkerDto(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7),
                Math.Max(0, reader.GetDouble(8)), reader.GetFieldValue<Guid[]>(9)));
        }

        return workers;
    }
}
