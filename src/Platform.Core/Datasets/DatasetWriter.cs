using Npgsql;

namespace Platform.Core.Datasets;

/// <summary>
/// Starts uploads. Each upload streams its bytes into <c>dataset_chunks</c> inside one transaction, so an upload that
/// fails or is abandoned part-way leaves no row behind (see docs/decisions/ADR-006-dataset-storage.md).
/// </summary>
public sealed class DatasetWriter(NpgsqlDataSource dataSource)
{
    /// <summary>One row per MiB: small enough to hold one in memory per reader, large enough to keep rows few.</summary>
    public const int ChunkBytes = 1 << 20;

    /// <param name="maxBytes">The most content bytes accepted; more throw <see cref="DatasetTooLargeException"/>.</param>
    public async Task<DatasetUpload> BeginAsync(long maxBytes, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new DatasetUpload(connection, transaction, maxBytes);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stores <paramref name="content"/> whole (the built-in datasets and the dashboard's upload use this).</summary>
    public async Task<(DatasetInfo Dataset, bool Created)> StoreAsync(
        Stream content, DatasetMetadata metadata, string? owner, bool builtIn, long maxBytes, CancellationToken cancellationToken)
    {
        await using var upload = await BeginAsync(maxBytes, cancellationToken);
        await upload.WriteAsync(content, cancellationToken);
        return await upload.CompleteAsync(metadata, owner, builtIn, cancellationToken);
    }
}
