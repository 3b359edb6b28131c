using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.FederatedPrompt.Federation;

namespace Platform.Experiments.FederatedPrompt.Reporting;

/// <summary>
/// The constants the claims rest on that the run neither measures nor takes from the paper, each with the range a
/// reviewer would find plausible and why. The link's per-message header touches every byte claim; the paper's
/// training schedule and input size decide the client-compute share of ViT-B/16, the paper's model.
/// </summary>
internal static class ClaimAssumptions
{
    public const string HeaderBytes = "Per-message header";
    public const string PaperKeepRatio = "Paper's keep ratio";
    public const string PaperLocalLossEpochs = "Paper's local-loss epochs";
    public const string PaperSplitPasses = "Paper's split passes";
    public const string PaperFedAvgEpochs = "Paper's FedAvg local epochs";
    public const string PaperImageSize = "Paper's input size";

    /// <summary>ViT-B/16's pre-training resolution (Dosovitskiy et al., 2021), the assumed input size.</summary>
    private const int VitB16PretrainSize = 224;

    public static Assumption Header { get; } = Assumption.Declare(HeaderBytes, SimulatedLink.HeaderBytes, 0, 64, "bytes",
        "Framing of each tensor message, fixed by neither the paper nor the run: 0 is the bare payload; gRPC's length prefix " +
        "is 5 bytes plus a few bytes of protobuf tags, and a safetensors-style header with name, dtype and shape a few dozen, " +
        "so 64 bounds it.");

    /// <summary>Every assumption a run of these parameters uses.</summary>
    public static IReadOnlyList<Assumption> All(FederatedPromptParameters p) => [Header, .. PaperSetting(p)];

    /// <summary>
    /// The paper's schedule, which its abstract does not give: assumed to be this run's own (so the ViT-B/16 figure counts
    /// the same work as the run does), over the range the sources make plausible, widened to the run's value if needed.
    /// </summary>
    public static IReadOnlyList<Assumption> PaperSetting(FederatedPromptParameters p) =>
    [
        Widened(PaperKeepRatio, p.KeepRatio, 0.3, 0.9, "fraction kept",
            "Not in the abstract. The unofficial reimplementation (github.com/Jeonseungwoo1/SFPrompt) keeps 0.5; EL2N's authors " +
            "(Paul et al., NeurIPS 2021) drop about half of CIFAR-10 without loss: from harder pruning (0.3) to barely any (0.9)."),
        Widened(PaperLocalLossEpochs, p.LocalLossEpochs, 1, 10, "epochs",
            "Not in the abstract: at least one pass of the local-loss update over the local data, at most the 10 local epochs " +
            "of the unofficial reimplementation."),
        Widened(PaperSplitPasses, p.SplitPasses, 1, 2, "passes",
            "Not in the abstract: SFPrompt exists to cut the exchanges with the server, so one split-training pass over the " +
            "kept samples per round, two at most."),
        Widened(PaperFedAvgEpochs, p.LocalEpochs, 1, 10, "epochs",
            "The local epochs of the paper's federated full fine-tuning baseline are not in the abstract: from one pass to " +
            "the 10 local epochs of the unofficial reimplementation."),
        Assumption.Declare(PaperImageSize, VitB16PretrainSize, VitB16PretrainSize, 384, "pixels",
            "Not in the abstract: ViT-B/16 is pre-trained at 224 x 224 and fine-tuned at 224 or 384 (Dosovitskiy et al., " +
            "ICLR 2021); counted at whole 16-pixel patches."),
    ];

    private static Assumption Widened(string name, double value, double low, double high, string unit, string why) =>
        Assumption.Declare(name, value, Math.Min(low, value), Math.Max(high, value), unit, why);
}
