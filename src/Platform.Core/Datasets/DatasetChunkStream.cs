using Npgsql;

namespace Platform.Core.Datasets;

/// <summary>
/// A dataset's bytes as a forward-only stream that holds one chunk at a time and a connection only while fetching
/// one, so a 256 MiB download or a worker's slow parse costs a MiB of memory and no pooled connection in between.
/// </summary>
internal sealed class DatasetChunkStream(NpgsqlDataSource dataSource, Guid datasetId, long length) : Stream
{
    private const string Fetch = "SELECT data FROM dataset_chunks WHERE dataset_id = @id AND \"index\" = @index";
    private byte[] _chunk = [];
    private int _offset;
    private int _nextIndex;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset == _chunk.Length && _position < length)
        {
            await using var command = Command();
            Next(await command.ExecuteScalarAsync(cancellationToken));
        }

        return Take(buffer.Span);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_offset == _chunk.Length && _position < length)
        {
            using var command = Command();
            Next(command.ExecuteScalar());
        }

        return Take(buffer.AsSpan(offset, count));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private NpgsqlCommand Command()
    {
        var command = dataSource.CreateCommand(Fetch);
        command.Parameters.AddWithValue("id", datasetId);
        command.Parameters.AddWithValue("index", _nextIndex);
        return command;
    }

    private void Next(object? data)
    {
        // A missing or empty chunk before the recorded size would make a reader spin or read a short file as whole.
        _chunk = data as byte[] is { Length: > 0 } bytes
            ? bytes
            : throw new InvalidDataException($"Dataset {datasetId} lacks chunk {_nextIndex} ({_position} of {length} bytes read).");
        _offset = 0;
        _nextIndex++;
    }

    private int Take(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _chunk.Length - _offset);
        _chunk.AsSpan(_offset, count).CopyTo(destination);
        _offset += count;
        _position += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
