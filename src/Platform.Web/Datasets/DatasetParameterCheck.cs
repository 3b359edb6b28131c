using Platform.Core.Datasets;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;
using Platform.Workers.Datasets;

namespace Platform.Web.Datasets;

/// <summary>
/// Binds a submission's dataset parameters: each id must name a stored dataset of a format the parameter accepts,
/// then the family checks the content (bounded, streamed). The built-in datasets the chosen options read are found
/// (stored on first use) and recorded too. Problems are keyed <c>parameters.&lt;field&gt;</c>.
/// </summary>
public sealed class DatasetParameterCheck(
    DatasetReader datasets, IDatasetReader contents, BuiltInDatasetStore builtIns, IEnumerable<BuiltInDataset> registered)
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

        if (parameters is IUsesBuiltInDatasets reading)
        {
            failed |= !await AddBuiltInsAsync(reading, uses, errors, cancellationToken);
        }

        if (!failed && parameters is IValidatesDatasets validatable)
        {
            await foreach (var (field, message) in validatable.ValidateDatasetsAsync(contents, cancellationToken))
            {
                errors[$"parameters.{field}"] = [message];
            }
        }

        return uses;
    }

    private async Task<bool> AddBuiltInsAsync(
        IUsesBuiltInDatasets reading, List<RunDatasetUse> uses, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var found = true;
        foreach (var use in reading.BuiltInDatasetsUsed())
        {
            var dataset = registered.FirstOrDefault(d => d.Name == use.Dataset)
                ?? throw new InvalidOperationException($"'{use.Dataset}' is not a registered built-in dataset.");
            if (await builtIns.EnsureAsync(dataset, cancellationToken) is ({ } stored, _))
            {
                uses.Add(new RunDatasetUse($"{use.Parameter} ({use.Role})", stored.Id, stored.Sha256));
                continue;
            }

            errors[$"parameters.{use.Parameter}"] =
                [$"This option reads {use.Dataset}, which is not installed on this server ({BuiltInDatasetStore.Resolve(dataset.Path)}); run scripts/fetch-data.sh (the README's set-up command does)."];
            found = false;
        }

        return found;
    }
}
