using System.Buffers;
using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Core.Datasets;

/// <summary>
/// One upload in progress: a transaction holding the chunks written so far. The bytes are hashed as they pass, so
/// the dataset row (keyed by the hash) is inserted last; disposing without <see cref="CompleteAsync"/> rolls all back.
/// </summary>
public sealed class DatasetUpload : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly long _maxBytes;
    private readonly Guid _id = Guid.CreateVersion7();
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _written;
    private bool _done;

    internal DatasetUpload(NpgsqlConnection connection, NpgsqlTransaction transaction, long maxBytes)
    {
        _connection = connection;
        _transaction = transaction;
        _maxBytes = maxBytes;
    }

    /// <summary>Bytes taken so far (for progress).</summary>
    public long Size { get; private set; }

    /// <summary>Copies <paramref name="source"/> to the end into chunk rows, one buffer of <see cref="DatasetWriter.ChunkBytes"/> at a time.</summary>
    /// <exception cref="DatasetTooLargeException">The source holds more than the upload allows.</exception>
    public async Task WriteAsync(Stream source, CancellationToken cancellationToken, IProgress<long>? progress = null)
    {
        if (_written)
        {
            throw new InvalidOperationException("An upload takes one file.");
        }

        _written = true;
        var buffer = ArrayPool<byte>.Shared.Rent(DatasetWriter.ChunkBytes);
        try
        {
            await using var copy = await _connection.BeginBinaryImportAsync(
                "COPY dataset_chunks (dataset_id, \"index\", data) FROM STDIN (FORMAT BINARY)", cancellationToken);
            var index = 0;
            while (await FillAsync(source, buffer.AsMemory(0, DatasetWriter.ChunkBytes), cancellationToken) is var read and > 0)
            {
                Size += read;
                if (Size > _maxBytes)
                {
                    throw new DatasetTooLargeException(_maxBytes);
                }

                _hash.AppendData(buffer, 0, read);
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(_id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(index++, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(new ReadOnlyMemory<byte>(buffer, 0, read), NpgsqlDbType.Bytea, cancellationToken);
                progress?.Report(Size);
            }

            await copy.CompleteAsync(cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Inserts the dataset row and commits; when a dataset with the same bytes exists, rolls back and returns that one
    /// (<c>Created</c> false). Concurrent uploads of the same bytes meet at the unique hash: one wins, the other returns it.
    /// </summary>
    public async Task<(DatasetInfo Dataset, bool Created)> CompleteAsync(DatasetMetadata metadata, string? owner, bool builtIn, CancellationToken cancellationToken)
    {
        if (!_written)
        {
            throw new InvalidOperationException("The upload has no file.");
        }

        var sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO datasets (id, sha256, name, format, licence, description, source, size, owner, built_in)
            VALUES (@id, @sha, @name, @format, @licence, @description, @source, @size, @owner, @builtIn)
            ON CONFLICT (sha256) DO NOTHING
            RETURNING created_at
            """, _connection, _transaction))
        {
            insert.Parameters.AddWithValue("id", _id);
            insert.Parameters.AddWithValue("sha", sha256);
            insert.Parameters.AddWithValue("name", metadata.Name);
            insert.Parameters.AddWithValue("format", metadata.Format);
            insert.Parameters.AddWithValue("licence", metadata.Licence);
            insert.Parameters.Add(new NpgsqlParameter<string?>("description", NpgsqlDbType.Text) { TypedValue = metadata.Description });
            insert.Parameters.Add(new NpgsqlParameter<string?>("source", NpgsqlDbType.Text) { TypedValue = metadata.Source });
            insert.Parameters.AddWithValue("size", Size);
            insert.Parameters.Add(new NpgsqlParameter<string?>("owner", NpgsqlDbType.Text) { TypedValue = owner });
            insert.Parameters.AddWithValue("builtIn", builtIn);
            if (await insert.ExecuteScalarAsync(cancellationToken) is DateTime created)
            {
                var createdAt = new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc));
                await _transaction.CommitAsync(cancellationToken);
                _done = true;
                return (new DatasetInfo(_id, metadata.Name, metadata.Format, sha256, Size, metadata.Licence, metadata.Description,
                    metadata.Source, owner, builtIn, createdAt), true);
            }
        }

        // The same bytes are stored already: drop this copy of them.
        await _transaction.RollbackAsync(cancellationToken);
        _done = true;
        var existing = await DatasetQueries.BySha256Async(_connection, sha256, cancellationToken)
            ?? throw new InvalidOperationException($"Dataset {sha256} conflicted on insert but cannot be read.");
        return (existing, false);
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the source ends, so every chunk but the last is whole.</summary>
    private static async Task<int> FillAsync(Stream source, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length && await source.ReadAsync(buffer[total..], cancellationToken) is var read and > 0)
        {
            total += read;
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_done && _transaction.Connection is not null)
            {
                await _transaction.RollbackAsync();
            }
        }
        finally
        {
            _hash.Dispose();
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
