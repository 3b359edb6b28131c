using Platform.Experiments.Contract;
using M = Platform.Experiments.FederatedPrompt.Reporting.FederatedPromptMetrics;

namespace Platform.Experiments.FederatedPrompt.Reporting;

/// <summary>Chart panels by metric group; per-method groups (bytes by kind, phase times) draw untitled.</summary>
internal static class Charts
{
    public static IReadOnlyList<ChartPanel> Panels { get; } =
    [
        new(M.Accuracy, "Global test accuracy", "round", "accuracy (%)"),
        new(M.AccuracyVsKb, "Accuracy against cumulative traffic", "cumulative kB sent", "accuracy (%)"),
        new(M.TestLoss, "Global test loss", "round", "cross-entropy"),
        new(M.TrainLoss, "Training loss (local epochs or split training)", "round", "cross-entropy"),
        new(M.LocalLoss, "SFPrompt local-loss phase", "round", "cross-entropy"),
        new(M.CumulativeMb, "Cumulative traffic, all clients", "round", "MB", LogY: true),
        new(M.MbUpPerClient, "Uplink per client", "round", "MB", LogY: true),
        new(M.MbDownPerClient, "Downlink per client", "round", "MB", LogY: true),
        new(M.ClientGflops, "Client compute per round", "round", "GFLOPs", LogY: true),
        new(M.ServerGflops, "Server compute per round", "round", "GFLOPs"),
        new(M.ClientShare, "Client share of compute", "round", "%"),
        new(M.KeptPerClient, "Samples kept per client", "round", "samples"),
        new(M.El2nMean, "EL2N mean", "round", "score"),
        new(M.El2nP10, "EL2N 10th percentile", "round", "score"),
        new(M.El2nP90, "EL2N 90th percentile", "round", "score"),
        new(M.ClientAccuracyMin, "Worst client's accuracy (own label mix)", "round", "accuracy (%)"),
        new(M.ClientAccuracyMax, "Best client's accuracy (own label mix)", "round", "accuracy (%)"),
        new("pretrain", "Pre-training on the source task", "epoch", "loss / accuracy (%)"),
        new(M.SweepMbPerClientRound, "Bytes per client-round by local data size", "samples per client", "MB", LogY: true),
        new(M.SweepAccuracy, "Accuracy by local data size", "samples per client", "accuracy (%)"),
    ];
}
