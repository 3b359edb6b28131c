namespace Platform.Experiments.Contract;

/// <summary>
/// A parameter record whose choices make the run read built-in datasets (real data the set-up command fetched or the
/// repository ships) rather than a dataset the user names. The submission records each with the run, by the hash of
/// the file on this server, so the run page names the data and its licence; a file that is not installed is a 400
/// naming the parameter, not a failed run.
/// </summary>
public interface IUsesBuiltInDatasets
{
    IEnumerable<BuiltInDatasetUse> BuiltInDatasetsUsed();
}

/// <param name="Parameter">The parameter (camelCase) whose value chose the data.</param>
/// <param name="Role">What the run reads it for, e.g. "pre-training".</param>
/// <param name="Dataset">The <see cref="BuiltInDataset.Name"/> it reads.</param>
public sealed record BuiltInDatasetUse(string Parameter, string Role, string Dataset);
