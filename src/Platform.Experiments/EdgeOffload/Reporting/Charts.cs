using Platform.Experiments.Contract;

namespace Platform.Experiments.EdgeOffload.Reporting;

/// <summary>Chart panels by metric group: delay per channel rate, training curves, bytes and AP per strategy.</summary>
internal static class Charts
{
    public static IReadOnlyList<ChartPanel> Panels { get; } =
    [
        // Rates are logged in kbit/s (steps are whole numbers) and drawn in Mbps, the unit of the parameters and tables.
        new(EdgeOffloadMetrics.DelayMs, "Mean capture-to-output delay per channel rate", "rate (Mbps)", "delay (ms)", LogY: true) { LogX = true, XScale = 0.001 },
        new(EdgeOffloadMetrics.DelayP95Ms, "95th-percentile delay per channel rate", "rate (Mbps)", "delay (ms)", LogY: true) { LogX = true, XScale = 0.001 },
        new("teacher-loss", "Teacher training loss", "epoch", "CenterNet loss"),
        new(EdgeOffloadMetrics.ValidationMap, "Validation mAP@0.5", "epoch", "mAP@0.5"),
        new(EdgeOffloadMetrics.DistillLoss, "Distillation loss (MSE per matched element)", "epoch", "MSE", LogY: true),
        new("filter-loss", "Neural filter loss", "epoch", "cross-entropy"),
        new("filter-auc", "Neural filter ROC-AUC (validation)", "epoch", "ROC-AUC"),
        new(EdgeOffloadMetrics.Bytes, "Bytes on the link per frame", "stream frame", "bytes", LogY: true),
        new(EdgeOffloadMetrics.StreamAp, "AP@[.5:.95] on the stream per strategy", "strategy", "AP@[.5:.95]") { Categorical = true },
        new(EdgeOffloadMetrics.StreamMap, "AP@0.5 on the stream per strategy", "strategy", "AP@0.5") { Categorical = true },
        new(EdgeOffloadMetrics.GilbertElliottDelayMs, "Delay per frame on the good/bad channel", "stream frame", "delay (ms)", LogY: true),
    ];
}
