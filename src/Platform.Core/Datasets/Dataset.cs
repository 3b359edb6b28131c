namespace Platform.Core.Datasets;

/// <summary>
/// A file stored once by its SHA-256 (its bytes live in <see cref="DatasetChunk"/> rows), with what a reader needs to
/// trust and reuse it: its format, licence and source.
/// </summary>
public sealed class Dataset
{
    public required Guid Id { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content: the same bytes uploaded again are this dataset.</summary>
    public required string Sha256 { get; init; }

    public required string Name { get; init; }

    public required string Format { get; init; }

    public required string Licence { get; init; }

    public string? Description { get; init; }

    /// <summary>Where the bytes came from (a package and version, a URL); set for built-in datasets.</summary>
    public string? Source { get; init; }

    public long Size { get; init; }

    /// <summary>The uploader (null for built-ins and the loopback development mode).</summary>
    public string? Owner { get; init; }

    public bool BuiltIn { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
