using Npgsql;
using Platform.Experiments.Catalog;
using Platform.Experiments.RealData;

namespace Platform.IntegrationTests.Datasets;

/// <summary>Counts straight from the tables, so a test sees what is stored rather than what the API says.</summary>
internal static class DatasetRows
{
    public static string[] Shipped { get; } =
        [HardwareCatalogDataset.BuiltIn.Name, .. RealDatasets.All(RealDataFiles.Default).Select(d => d.Name)];

    /// <summary>Datasets and chunks, leaving out the built-ins the platform itself declares (the hardware catalogue, the real data).</summary>
    public static async Task<(long Datasets, long Chunks)> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH counted AS (SELECT id FROM datasets WHERE NOT (built_in AND name = ANY(@shipped)))
            SELECT (SELECT count(*) FROM counted), (SELECT count(*) FROM dataset_chunks WHERE dataset_id IN (SELECT id FROM counted))
            """, connection);
        command.Parameters.AddWithValue("shipped", Shipped);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Waits until the server is inside an upload's COPY (<paramref name="inside"/>) or out of every upload's transaction.</summary>
    public static async Task WaitForUploadTransactionAsync(string connectionString, bool inside)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                           WHERE datname = current_database() AND pid <> pg_backend_pid()
                             AND xact_start IS NOT NULL AND query LIKE 'COPY dataset_chunks%')
            """, connection);
        while ((bool)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! != inside)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
