using Npgsql;

namespace Platform.Core.Datasets;

/// <summary>Records which datasets a run uses (and their hashes), which is what keeps them from deletion.</summary>
public sealed class DatasetReferences(NpgsqlDataSource dataSource)
{
    /// <returns>False when one of the datasets was deleted meanwhile (nothing is recorded then).</returns>
    public async Task<bool> RecordAsync(Guid runId, IReadOnlyList<RunDatasetUse> uses, CancellationToken cancellationToken)
    {
        if (uses.Count == 0)
        {
            return true;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var use in uses)
            {
                // A retried submission (same Idempotency-Key) returns the first run, whose uses are recorded already.
                await using var insert = new NpgsqlCommand("""
                    INSERT INTO run_datasets (run_id, parameter, dataset_id, sha256) VALUES (@run, @parameter, @dataset, @sha)
                    ON CONFLICT (run_id, parameter) DO NOTHING
                    """, connection, transaction);
                insert.Parameters.AddWithValue("run", runId);
                insert.Parameters.AddWithValue("parameter", use.Parameter);
                insert.Parameters.AddWithValue("dataset", use.DatasetId);
                insert.Parameters.AddWithValue("sha", use.Sha256);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return false;
        }
    }
}
