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

        // The weights dataset's content is checked with the datasets at hand (FederatedPromptParameters.Datasets.cs).
    }
}
