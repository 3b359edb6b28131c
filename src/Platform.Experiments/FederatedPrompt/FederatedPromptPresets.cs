using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt.Methods;

namespace Platform.Experiments.FederatedPrompt;

/// <summary>The parameter sets offered with one click.</summary>
internal static class FederatedPromptPresets
{
    public static FederatedPromptParameters Headline() => new();

    /// <summary>
    /// Small federations, one round per size, only the byte-relevant methods: what matters is bytes per client-round
    /// as local data grows, which does not need many rounds.
    /// </summary>
    public static FederatedPromptParameters SamplesSweep() => new()
    {
        Methods = [MethodNames.FlFull, MethodNames.SflFull, MethodNames.SfPrompt],
        Clients = 6,
        ClientsPerRound = 2,
        Rounds = 1,
        TestImages = 200,
        SweepSamplesPerClient = [20, 40, 80, 160, 320, 640],
    };

    public static IReadOnlyList<(string Name, string Title, string Description, FederatedPromptParameters Parameters)> All { get; } =
    [
        (ExperimentPreset.HeadlineName, "Reproduce the paper's headline",
            "All methods on the defaults (tiny ViT pre-trained on 5000 source images for 6 epochs, 20 clients, 5 per round, 80 samples each, Dirichlet 0.5, 20 rounds): " +
            "sfprompt's bytes, client FLOPs and accuracy against fl-full.", Headline()),
        ("samples-sweep", "Where split training's bytes overtake FedAvg's",
            "Sweeps samples per client from 20 to 640 and measures bytes per client-round of fl-full, sfl-full and sfprompt.", SamplesSweep()),
    ];
}
