using System.Runtime.CompilerServices;
using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt.Model;

namespace Platform.Experiments.FederatedPrompt;

public sealed partial class FederatedPromptParameters : IValidatesDatasets
{
    /// <summary>The weights dataset must hold exactly this model's tensors; checked on its header alone.</summary>
    public async IAsyncEnumerable<(string Field, string Message)> ValidateDatasetsAsync(
        IDatasetReader datasets, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (PretrainedWeights is not { } id)
        {
            yield break;
        }

        await using var content = await datasets.OpenAsync(id, cancellationToken);
        if (content is null)
        {
            yield return ("pretrainedWeights", $"There is no dataset with id {id}.");
            yield break;
        }

        if (await SafetensorsCheck.DescribeAsync(content, VitConfig.From(this), cancellationToken) is { } error)
        {
            yield return ("pretrainedWeights", error);
        }
    }
}
