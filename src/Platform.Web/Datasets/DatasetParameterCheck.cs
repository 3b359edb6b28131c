using Platform.Core.Datasets;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;

namespace Platform.Web.Datasets;

/// <summary>
/// Binds a submission's dataset parameters: each id must name a stored dataset of a format the parameter accepts,
/// then the family checks the content (bounded, streamed). Problems are keyed <c>parameters.&lt;field&gt;</c>.
/// </summary>
public sealed class DatasetParameterCheck(DatasetReader datasets, IDatasetReader contents)
{
    /// <returns>The datasets the run will use, to record with it.</returns>
    public async Task<IReadOnlyList<RunDatasetUse>> CheckAsync(object parameters, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var uses = new List<RunDatasetUse>();
        var failed = false;
        foreach (var field in DatasetFields.Of(parameters))
        {
            if (field.Id is not { } id)
            {
                continue;
            }

            var key = $"parameters.{field.Name}";
            var dataset = await datasets.GetAsync(id, cancellationToken);
            if (dataset is null)
            {
                errors[key] = [$"There is no dataset with id {id}; upload one with POST /api/v1/datasets."];
                failed = true;
            }
            else if (!field.Formats.Contains(dataset.Format, StringComparer.Ordinal))
            {
                errors[key] = [$"'{field.Name}' takes a dataset of format {string.Join(" or ", field.Formats)}; dataset {id} is '{dataset.Format}'."];
                failed = true;
            }
            else
            {
                uses.Add(new RunDatasetUse(field.Name, id, dataset.Sha256));
            }
        }

        if (!failed && uses.Count > 0 && parameters is IValidatesDatasets validatable)
        {
            await foreach (var (field, message) in validatable.ValidateDatasetsAsync(contents, cancellationToken))
            {
                errors[$"parameters.{field}"] = [message];
            }
        }

        return uses;
    }
}
