using Npgsql;
using Platform.Core.Security;

namespace Platform.Core.Datasets;

/// <summary>Deletes a dataset its caller may delete and no run used.</summary>
public sealed class DatasetDeleter(NpgsqlDataSource dataSource)
{
    /// <remarks>
    /// The row is locked first: a submission recording a use of it (a key-share lock through the foreign key) waits,
    /// then fails on the deleted row, so a run can never end up using a dataset deleted under it.
    /// </remarks>
    public async Task<DeleteOutcome> DeleteAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        if (!caller.Can(AccessRole.Runner))
        {
            return DeleteOutcome.Forbidden;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var find = new NpgsqlCommand("SELECT owner FROM datasets WHERE id = @id FOR UPDATE", connection, transaction))
        {
            find.Parameters.AddWithValue("id", id);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return DeleteOutcome.NotFound;
            }

            // Like cancelling runs: a runner deletes its own uploads, an admin any (built-ins have no owner).
            var owner = reader.IsDBNull(0) ? null : reader.GetString(0);
            if (caller.RestrictedToOwner is { } restricted && owner != restricted)
            {
                return DeleteOutcome.Forbidden;
            }
        }

        await using (var used = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM run_datasets WHERE dataset_id = @id)", connection, transaction))
        {
            used.Parameters.AddWithValue("id", id);
            if (await used.ExecuteScalarAsync(cancellationToken) is true)
            {
                return DeleteOutcome.InUse;
            }
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM datasets WHERE id = @id", connection, transaction))
        {
            delete.Parameters.AddWithValue("id", id);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return DeleteOutcome.Deleted;
    }
}
