namespace Platform.Core.Datasets;

/// <summary>A dataset a submitted run will read, through which parameter, and its hash at submission.</summary>
public sealed record RunDatasetUse(string Parameter, Guid DatasetId, string Sha256);
