namespace Platform.Core.Datasets;

/// <summary>What an uploader says about a file: everything of a dataset but its bytes.</summary>
public sealed record DatasetMetadata(string Name, string Format, string Licence, string? Description = null, string? Source = null);
