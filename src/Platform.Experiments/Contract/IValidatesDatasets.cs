namespace Platform.Experiments.Contract;

/// <summary>
/// A parameter record whose dataset parameters have content rules (a weights file must fit the chosen model). The
/// submission calls this after each dataset is found and of an accepted format, so a bad file is a 400 naming the
/// parameter and never a failed run. Read with bounded memory: the web process checks every submission.
/// </summary>
public interface IValidatesDatasets
{
    /// <summary>(field name in camelCase, message) for each dataset whose content does not fit.</summary>
    IAsyncEnumerable<(string Field, string Message)> ValidateDatasetsAsync(IDatasetReader datasets, CancellationToken cancellationToken);
}
