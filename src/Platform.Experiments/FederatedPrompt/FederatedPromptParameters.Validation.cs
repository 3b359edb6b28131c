using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Model;

namespace Platform.Experiments.FederatedPrompt;

public sealed partial class FederatedPromptParameters
{
    /// <summary>The cross-field rules, each as the field it names and a message.</summary>
    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (ClientsPerRound > Clients)
        {
            yield return ("clientsPerRound", $"Clients per round ({ClientsPerRound}) cannot exceed clients ({Clients}).");
        }

        if (PatchSize is not (4 or 8))
        {
            yield return ("patchSize", "Patch size must be 4 or 8.");
        }

        if (ModelPreset == ModelPreset.Custom && Width % Heads != 0)
        {
            yield return ("heads", $"Heads ({Heads}) must divide the width ({Width}).");
        }

        if (Methods.Distinct().Count() != Methods.Count)
        {
            yield return ("methods", "Each method may appear only once.");
        }

        if (SweepSamplesPerClient.Distinct().Count() != SweepSamplesPerClient.Count)
        {
            yield return ("sweepSamplesPerClient", "Each value may appear only once.");
        }

        foreach (var error in ValidateRealData())
        {
            yield return error;
        }

        // The weights dataset's content is checked with the datasets at hand (FederatedPromptParameters.Datasets.cs).
    }

    /// <summary>Real datasets are finite: the demand of a run has to fit what they hold.</summary>
    private IEnumerable<(string Field, string Message)> ValidateRealData()
    {
        if (Data != FederatedPromptData.MnistToDigits)
        {
            yield break;
        }

        if (PretrainImages + HeldOutSource > RealDigitsTask.MnistImages)
        {
            yield return ("pretrainImages", $"Real MNIST has {RealDigitsTask.MnistImages} images; pre-training takes at most " +
                $"{RealDigitsTask.MnistImages - HeldOutSource} ({HeldOutSource} are held out).");
        }

        if (TestImages > MaxRealTestImages)
        {
            yield return ("testImages", $"On real data the test split is at most {MaxRealTestImages} of scikit-learn's {RealDigitsTask.TargetImages} digits.");
            yield break;
        }

        var pool = RealDigitsTask.PoolFor(TestImages);
        var perClient = SweepSamplesPerClient.Count == 0 ? SamplesPerClient : SweepSamplesPerClient.Max();
        if ((long)Clients * perClient > pool)
        {
            var field = SweepSamplesPerClient.Count == 0 ? "samplesPerClient" : "sweepSamplesPerClient";
            yield return (field, $"{Clients} clients x {perClient} samples exceed the {pool} real digits left after a test split of " +
                $"{TestImages}; each image goes to one client only.");
        }
    }
}
