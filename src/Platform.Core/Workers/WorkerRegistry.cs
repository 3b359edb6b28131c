using Npgsql;

namespace Platform.Core.Workers;

/// <summary>Keeps the <c>workers</c> table current so the dashboard can show who is alive.</summary>
public sealed class WorkerRegistry(NpgsqlDataSource dataSource)
{
    public async Task BeatAsync(WorkerRecord worker, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO workers (id, role, host, capacity, running, version, started_at, heartbeat_at)
            VALUES (@id, @role, @host, @capacity, @running, @version, @started, now())
            ON CONFLICT (id) DO UPDATE SET running = excluded.running, capacity = excluded.capacity, heartbeat_at = now()
            """);
        command.Parameters.AddWithValue("id", worker.Id);
        command.Parameters.AddWithValue("role", worker.Role);
        command.Parameters.AddWithValue("host", worker.Host);
        command.Parameters.AddWithValue("capacity", worker.Capacity);
        command.Parameters.AddWithValue("running", worker.Running);
        command.Parameters.AddWithValue("version", worker.Version);
        command.Parameters.AddWithValue("started", worker.StartedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAsync(string workerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM workers WHERE id = @id");
        command.Parameters.AddWithValue("id", workerId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
