using System.Security.Cryptography;

namespace Platform.IntegrationTests.Datasets;

/// <summary>
/// <see cref="Length"/> pseudo-random bytes made as they are read (never held), hashed on the way; optionally throws
/// after <see cref="FailAfter"/> bytes, as a client whose connection drops mid-upload.
/// </summary>
internal sealed class GeneratedStream(long length, int seed = 1, long? failAfter = null, Func<Task>? beforeFailing = null) : Stream
{
    private readonly Random _random = new(seed);
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;
    private string? _sha256;

    public long? FailAfter => failAfter;

    /// <summary>The SHA-256 of every byte produced, once all were read.</summary>
    /// <remarks>Kept when the last byte is read: the HTTP client disposes the stream once it has sent it.</remarks>
    public string Sha256() => _sha256 ?? throw new InvalidOperationException("Not every byte was read.");

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (failAfter is { } limit && _position >= limit && beforeFailing is not null)
        {
            await beforeFailing();
        }

        return Read(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        if (failAfter is { } limit && _position >= limit)
        {
            throw new IOException("The client gave up mid-upload (simulated).");
        }

        var count = (int)Math.Min(Math.Min(buffer.Length, length - _position), (failAfter ?? long.MaxValue) - _position);
        var slice = buffer[..count];
        _random.NextBytes(slice);
        _hash.AppendData(slice);
        _position += count;
        if (_position == length)
        {
            _sha256 ??= Convert.ToHexStringLower(_hash.GetCurrentHash());
        }

        return count;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
