using Npgsql;

namespace Platform.Core.Datasets;

/// <summary>The raw-SQL reads the writer needs on its own connection (EF serves every other read).</summary>
internal static class DatasetQueries
{
    public static async Task<DatasetInfo?> BySha256Async(NpgsqlConnection connection, string sha256, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT id, name, format, sha256, size, licence, description, source, owner, built_in, created_at
            FROM datasets WHERE sha256 = @sha
            """, connection);
        command.Parameters.AddWithValue("sha", sha256);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new DatasetInfo(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
            reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetBoolean(9), reader.GetFieldValue<DateTimeOffset>(10));
    }
}
