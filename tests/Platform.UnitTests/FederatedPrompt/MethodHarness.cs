using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;
using TorchSharp;

namespace Platform.UnitTests.FederatedPrompt;

/// <summary>Methods on random "pre-trained" weights and generated client data, for tests of one round.</summary>
internal static class MethodHarness
{
    public static MethodSettings Settings(VitConfig config, TransferMode mode = TransferMode.Full,
        ActivationPrecision precision = ActivationPrecision.Fp32) =>
        new(config, Seed: 5, BatchSize: 8, LocalEpochs: 1, FullLr: 1e-3, PromptLr: 1e-2, KeepRatio: 0.5, LocalLossEpochs: 1,
            Pooling: LocalLossPooling.Mean, SplitPasses: 1, TransferMode: mode, Precision: precision);

    public static Dictionary<string, Safetensors.Entry> RandomWeights(VitConfig config)
    {
        torch.manual_seed(11);
        using var model = new SplitVit(config.WithoutPrompts());
        return WeightTransfer.Export(model);
    }

    public static ClientData Client(int id, int samples)
    {
        var shares = Enumerable.Repeat(0.1, GlyphTask.Classes).ToArray();
        var data = new GlyphDataFactory(9, 0.5).TargetClient(id, samples, shares);
        return new ClientData(id, data, data.ClassShares(GlyphTask.Classes));
    }

    public static long Elements(IEnumerable<(string Name, TorchSharp.Modules.Parameter Parameter)> parameters) =>
        parameters.Sum(p => p.Parameter.numel());
}
