using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Methods;

namespace Platform.Experiments.FederatedPrompt;

/// <summary>The parameter sets offered with one click.</summary>
internal static class FederatedPromptPresets
{
    /// <summary>
    /// Real digits (pre-train on MNIST, fine-tune on scikit-learn's digits). 60 samples a client, not the synthetic
    /// default's 80: 20 clients x 60 = 1,200 fit the 1,397 real digits left after the 400-image test split.
    /// </summary>
    public static FederatedPromptParameters Headline() => new()
    {
        Data = FederatedPromptData.MnistToDigits,
        SamplesPerClient = 60,
    };

    /// <summary>The former headline on generated glyphs: the fast option, and the synthetic side of the comparison.</summary>
    public static FederatedPromptParameters Synthetic() => new();

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
            "All methods on real digits: a tiny ViT pre-trained on 5000 real MNIST images for 6 epochs, fine-tuned on scikit-learn's 8x8 digits " +
            "(20 clients, 5 per round, 60 samples each, Dirichlet 0.5 over the real labels, 20 rounds, 400 held-out test digits): " +
            "sfprompt's bytes, client FLOPs and accuracy against fl-full.", Headline()),
        ("synthetic", "Headline on generated glyphs",
            "The same comparison on generated glyph shapes (80 samples a client): fast, and the synthetic side of the real-data headline.", Synthetic()),
        ("samples-sweep", "Where split training's bytes overtake FedAvg's",
            "Sweeps samples per client from 20 to 640 and measures bytes per client-round of fl-full, sfl-full and sfprompt.", SamplesSweep()),
    ];
}
