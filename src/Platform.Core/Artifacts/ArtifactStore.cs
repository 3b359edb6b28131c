using Npgsql;

namespace Platform.Core.Artifacts;

/// <summary>Stores artifacts and checkpoints in the database (bytea) beside their run.</summary>
public sealed class ArtifactStore(NpgsqlDataSource dataSource)
{
    public async Task SaveArtifactAsync(Guid runId, string name, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO artifacts (id, run_id, name, content_type, content, size)
            VALUES (@id, @run, @name, @type, @content, @size)
            ON CONFLICT (run_id, name) DO UPDATE
            SET content_type = excluded.content_type, content = excluded.content, size = excluded.size, created_at = now()
            """);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("type", contentType);
        command.Parameters.AddWithValue("content", content.ToArray());
        command.Parameters.AddWithValue("size", (long)content.Length);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveCheckpointAsync(Guid runId, string name, ReadOnlyMemory<byte> state, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO checkpoints (run_id, name, state) VALUES (@run, @name, @state)
            ON CONFLICT (run_id, name) DO UPDATE SET state = excluded.state, updated_at = now()
            """);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("state", state.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<byte[]?> LoadCheckpointAsync(Guid runId, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT state FROM checkpoints WHERE run_id = @run AND name = @name");
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task<IReadOnlyList<ArtifactInfo>> ListAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT name, content_type, size, created_at FROM artifacts WHERE run_id = @run ORDER BY name");
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var artifacts = new List<ArtifactInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            artifacts.Add(new ArtifactInfo(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return artifacts;
    }

    public async Task<(string ContentType, byte[] Content)?> ReadAsync(Guid runId, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT content_type, content FROM artifacts WHERE run_id = @run AND name = @name");
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetFieldValue<byte[]>(1)) : null;
    }
}
