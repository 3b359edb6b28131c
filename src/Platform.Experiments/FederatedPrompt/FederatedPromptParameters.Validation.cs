using Platform.Experiments.FederatedPrompt.Model;

namespace Platform.Experiments.FederatedPrompt;

/// <summary>The cross-field rules of <see cref="FederatedPromptParameters"/>.</summary>
internal static class ParameterRules
{
    public static IEnumerable<(string Field, string Message)> Check(FederatedPromptParameters p)
    {
        if (p.ClientsPerRound > p.Clients)
        {
            yield return ("clientsPerRound", $"Clients per round ({p.ClientsPerRound}) cannot exceed clients ({p.Clients}).");
        }

        if (p.PatchSize is not (4 or 8))
        {
            yield return ("patchSize", "Patch size must be 4 or 8.");
        }

        if (p.ModelPreset == ModelPreset.Custom && p.Width % p.Heads != 0)
        {
            yield return ("heads", $"Heads ({p.Heads}) must divide the width ({p.Width}).");
        }

        if (p.Methods.Distinct().Count() != p.Methods.Count)
        {
            yield return ("methods", "Each method may appear only once.");
        }

        if (p.SweepSamplesPerClient.Distinct().Count() != p.SweepSamplesPerClient.Count)
        {
            yield return ("sweepSamplesPerClient", "Each value may appear only once.");
        }

        if (!string.IsNullOrEmpty(p.PretrainedWeights))
        {
            var error = SafetensorsCheck.Describe(p.PretrainedWeights, VitConfig.From(p));
            if (error is not null)
            {
                yield return ("pretrainedWeights", error);
            }
        }
    }
}
