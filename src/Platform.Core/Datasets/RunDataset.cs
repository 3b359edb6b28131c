namespace Platform.Core.Datasets;

/// <summary>A run's use of a dataset through one parameter, with the hash it had then; it keeps the dataset from deletion.</summary>
public sealed class RunDataset
{
    public required Guid RunId { get; init; }

    /// <summary>The parameter's JSON name (camelCase), as in the run's parameters.</summary>
    public required string Parameter { get; init; }

    public required Guid DatasetId { get; init; }

    public required string Sha256 { get; init; }
}
