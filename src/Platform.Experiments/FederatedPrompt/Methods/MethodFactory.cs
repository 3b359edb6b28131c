using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Model;

namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>Builds a method by its key; the SFPrompt ablations are SFPrompt with one setting changed.</summary>
public static class MethodFactory
{
    public static FederatedMethod Create(string name, MethodSettings settings, IReadOnlyDictionary<string, Safetensors.Entry> pretrained) => name switch
    {
        MethodNames.FlFull => new FlFullMethod(settings, pretrained),
        MethodNames.FlPrompt => new FlPromptMethod(settings, pretrained),
        MethodNames.SflFull => new SflFullMethod(settings, pretrained),
        MethodNames.SfPrompt => new SfPromptMethod(name, settings, pretrained),
        MethodNames.SfPromptNoPrune => new SfPromptMethod(name, settings with { KeepRatio = 1 }, pretrained),
        MethodNames.SfPromptNoLocal => new SfPromptMethod(name, settings with { LocalLossEpochs = 0 }, pretrained),
        MethodNames.SfPromptRandom => new SfPromptMethod(name, settings with { Selector = PruneSelector.Random }, pretrained),
        _ => throw new ArgumentException($"Unknown method '{name}'.", nameof(name)),
    };
}
