namespace Platform.Core.Artifacts;

/// <summary>The latest saved state of a run under one name, so a retried attempt can resume.</summary>
public sealed class Checkpoint
{
    public required Guid RunId { get; init; }

    public required string Name { get; init; }

    public required byte[] State { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
