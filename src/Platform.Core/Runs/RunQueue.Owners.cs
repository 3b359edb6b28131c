using Npgsql;
using Platform.Core.Security;

namespace Platform.Core.Runs;

public sealed partial class RunQueue
{
    /// <summary>Null when <paramref name="caller"/> may cancel the run, else the outcome to report instead.</summary>
    private async Task<CancelOutcome?> MayCancelAsync(Caller caller, Guid runId, CancellationToken cancellationToken)
    {
        if (!caller.Can(AccessRole.Runner))
        {
            return CancelOutcome.Forbidden;
        }

        if (caller.RestrictedToOwner is not { } owner)
        {
            return null;
        }

        await using var command = dataSource.CreateCommand("SELECT owner FROM runs WHERE id = @id");
        command.Parameters.AddWithValue("id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return CancelOutcome.NotFound;
        }

        return !reader.IsDBNull(0) && reader.GetString(0) == owner ? null : CancelOutcome.Forbidden;
    }

    internal static async Task EnsureUnderCapAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string owner, int cap, CancellationToken cancellationToken)
    {
        const string Count = """
            SELECT pg_advisory_xact_lock(hashtext('platform_owner:' || @owner));
            SELECT count(*) FROM runs WHERE owner = @owner AND state = 'Queued';
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
