namespace Platform.Experiments.Contract;

/// <summary>An open dataset: what it is and a forward-only stream of its bytes. Dispose it to release the stream.</summary>
public sealed class DatasetContent(Guid id, string format, string sha256, long length, Stream stream) : IAsyncDisposable
{
    public Guid Id { get; } = id;

    public string Format { get; } = format;

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public string Sha256 { get; } = sha256;

    /// <summary>The number of bytes <see cref="Stream"/> yields, known before reading any.</summary>
    public long Length { get; } = length;

    public Stream Stream { get; } = stream;

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
