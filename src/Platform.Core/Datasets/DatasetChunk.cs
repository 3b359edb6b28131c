namespace Platform.Core.Datasets;

/// <summary>One slice of a dataset's bytes (at most <see cref="DatasetWriter.ChunkBytes"/>), in order by <see cref="Index"/>.</summary>
public sealed class DatasetChunk
{
    public required Guid DatasetId { get; init; }

    public required int Index { get; init; }

    public required byte[] Data { get; init; }
}
