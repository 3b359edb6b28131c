using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Model;

namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>Everything a method needs from the run's parameters.</summary>
public sealed record MethodSettings(
    VitConfig Config,
    long Seed,
    int BatchSize,
    int LocalEpochs,
    double FullLr,
    double PromptLr,
    double KeepRatio,
    int LocalLossEpochs,
    LocalLossPooling Pooling,
    int SplitPasses,
    TransferMode TransferMode,
    ActivationPrecision Precision,
    PruneSelector Selector = PruneSelector.El2nHard)
{
    public static MethodSettings From(FederatedPromptParameters p, long seed) => new(
        VitConfig.From(p), seed, p.BatchSize, p.LocalEpochs, p.FullLr, p.PromptLr, p.KeepRatio, p.LocalLossEpochs,
        p.LocalLossPooling, p.SplitPasses, p.TransferMode, p.ActivationPrecision);
}
