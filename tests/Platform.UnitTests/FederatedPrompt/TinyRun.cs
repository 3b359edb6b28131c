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
        PretrainImages = 200,
        PretrainEpochs = 1,
        Clients = 2,
        ClientsPerRound = 2,
        SamplesPerClient = 32,
        Partition = PartitionKind.Iid,
        LocalEpochs = 2,
        FullLr = 2e-3,
        PromptLr = 1e-2,
        Rounds = 2,
        TestImages = 50,
        BatchSize = 8,
        Threads = 1,
    };

    public static PretrainedCache TemporaryCache() =>
        new(Path.Combine(Path.GetTempPath(), "federated-prompt-tests", Guid.NewGuid().ToString("N")));
}
