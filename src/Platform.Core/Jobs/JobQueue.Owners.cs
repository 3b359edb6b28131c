using Npgsql;

namespace Platform.Core.Jobs;

public sealed partial class JobQueue
{
    private static async Task EnsureUnderCapAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string owner, int cap, CancellationToken cancellationToken)
    {
        const string Count = """
            SELECT pg_advisory_xact_lock(hashtext('platform_owner:' || @owner));
            SELECT count(*) FROM jobs WHERE owner = @owner AND state = 'Queued';
            """;
        await using var command = new NpgsqlCommand(Count, connection, transaction);
        command.Parameters.AddWithValue("owner", owner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var queued = reader.GetInt64(0);
        if (queued >= cap)
        {
            throw new QueueCapReachedException(owner, cap);
        }
    }
}
