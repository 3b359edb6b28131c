using Npgsql;
using Platform.Core.Security;

namespace Platform.Core.Runs;

/// <summary>
/// A run's human name and note: the researcher's words about a run, never the run's record (parameters, results),
/// so they may change at any time, whatever state the run is in. Runners label only the runs they submitted, as they
/// cancel only those; admins label any.
/// </summary>
public sealed class RunLabels(NpgsqlDataSource dataSource)
{
    public const int MaxNameLength = 120;
    public const int MaxNoteLength = 2000;

    /// <summary>Sets what is given (null leaves it; empty text clears it).</summary>
    public async Task<LabelOutcome> UpdateAsync(Caller caller, Guid runId, string? name, string? note, CancellationToken cancellationToken)
    {
        if (!caller.Can(AccessRole.Runner))
        {
            return LabelOutcome.Forbidden;
        }

        // One statement: the owner check and the update see the same row.
        await using var command = dataSource.CreateCommand("""
            WITH target AS (SELECT id, (@owner::text IS NULL OR owner = @owner::text) AS allowed FROM runs WHERE id = @id),
            updated AS (
                UPDATE runs r SET
                    name = CASE WHEN @set_name THEN nullif(@name, '') ELSE r.name END,
                    note = CASE WHEN @set_note THEN nullif(@note, '') ELSE r.note END
                FROM target t WHERE r.id = t.id AND t.allowed
                RETURNING r.id)
            SELECT allowed FROM target
            """);
        command.Parameters.AddWithValue("set_name", name is not null);
        command.Parameters.AddWithValue("name", name ?? "");
        command.Parameters.AddWithValue("set_note", note is not null);
        command.Parameters.AddWithValue("note", note ?? "");
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.Add(new NpgsqlParameter("owner", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)caller.RestrictedToOwner ?? DBNull.Value });
        return await command.ExecuteScalarAsync(cancellationToken) switch
        {
            null => LabelOutcome.NotFound,
            true => LabelOutcome.Updated,
            _ => LabelOutcome.Forbidden,
        };
    }
}
