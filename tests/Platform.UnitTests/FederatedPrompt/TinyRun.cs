using Platform.Experiments.FederatedPrompt;
using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Model;

namespace Platform.UnitTests.FederatedPrompt;

/// <summary>Shapes small enough that a whole federated run takes seconds on one core.</summary>
internal static class TinyRun
{
    public static VitConfig Config => new(Width: 32, Depth: 2, Heads: 2, MlpRatio: 2, PatchSize: 8, PromptTokens: 4);

    public static FederatedPromptParameters Parameters() => new()
    {
        ModelPreset = ModelPreset.Custom,
        Width = 32,
        Depth = 2,
        Heads = 2,
        PatchSize = 8,
        PromptTokens = 4,
        PretrainImages = 400,
        PretrainEpochs = 2,
        Clients = 2,
        ClientsPerRound = 2,
        SamplesPerClient = 40,
        KeepRatio = 0.75,
        Partition = PartitionKind.Iid,
        LocalEpochs = 3,
        SplitPasses = 2,
        FullLr = 2e-3,
        PromptLr = 3e-3,
        Rounds = 2,
        TestImages = 50,
        BatchSize = 4,
        Threads = 1,
    };

    public static PretrainedCache TemporaryCache() =>
        new(Path.Combine(Path.GetTempPath(), "federated-prompt-tests", Guid.NewGuid().ToString("N")));
}
