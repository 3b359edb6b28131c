using Npgsql;

namespace Platform.IntegrationTests.Security;

/// <summary>
/// A fingerprint of every table in the public schema: its row count, a hash of its rows and the newest row
/// version (xmin). Any insert, delete or update, even one that writes back the same values, changes it.
/// </summary>
internal sealed record DatabaseSnapshot(string Fingerprint)
{
    public static async Task<DatabaseSnapshot> TakeAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var list = database.CreateCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        // One statement for all tables, so the fingerprint is of one moment.
        var sql = string.Join(" UNION ALL ", tables.Select(t =>
            $"SELECT '{t}', count(*), coalesce(sum(hashtext(r::text)::bigint), 0), coalesce(max(xmin::text::bigint), 0) FROM public.\"{t}\" r"));
        var lines = new List<string>();
        await using (var command = database.CreateCommand(sql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add($"{reader.GetString(0)}: {reader.GetInt64(1)} rows, hash {reader.GetInt64(2)}, xmin {reader.GetInt64(3)}");
            }
        }

        return new DatabaseSnapshot(string.Join('\n', lines));
    }
}
