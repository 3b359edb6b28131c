namespace Platform.Core.Datasets;

/// <summary>A run that used a dataset, and through which parameter.</summary>
public sealed record DatasetUse(Guid RunId, string Kind, string Parameter, DateTimeOffset CreatedAt);
