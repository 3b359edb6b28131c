namespace Platform.Core.Artifacts;

/// <summary>A file a run produced (a table, a plot, weights), stored with the run.</summary>
public sealed class Artifact
{
    public required Guid Id { get; init; }

    public required Guid RunId { get; init; }

    public required string Name { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Content { get; init; }

    public long Size { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
