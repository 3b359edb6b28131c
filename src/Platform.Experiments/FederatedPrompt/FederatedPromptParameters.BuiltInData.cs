using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.RealData;

namespace Platform.Experiments.FederatedPrompt;

public sealed partial class FederatedPromptParameters : IUsesBuiltInDatasets
{
    /// <summary>Real digits: MNIST to pre-train (unless the user's weights replace pre-training), scikit-learn's to fine-tune.</summary>
    public IEnumerable<BuiltInDatasetUse> BuiltInDatasetsUsed()
    {
        if (Data != FederatedPromptData.MnistToDigits)
        {
            yield break;
        }

        if (PretrainedWeights is null)
        {
            yield return new("data", "pre-training", RealDatasets.MnistName);
        }

        yield return new("data", "fine-tuning", RealDatasets.ScikitDigitsName);
    }
}
