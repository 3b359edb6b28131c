namespace Platform.Core.Datasets;

/// <summary>A dataset a run used: the parameter, the dataset and the hash recorded when the run was queued.</summary>
public sealed record RunDatasetInfo(string Parameter, Guid DatasetId, string Name, string Sha256, string Licence);
