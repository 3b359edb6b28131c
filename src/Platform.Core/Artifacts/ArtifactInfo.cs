namespace Platform.Core.Artifacts;

/// <summary>An artifact as listed: everything but its content.</summary>
public sealed record ArtifactInfo(string Name, string ContentType, long Size, DateTimeOffset CreatedAt);
