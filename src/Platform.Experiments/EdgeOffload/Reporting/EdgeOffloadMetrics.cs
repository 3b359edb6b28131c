namespace Platform.Experiments.EdgeOffload.Reporting;

/// <summary>
/// Metric keys. A key <c>group/series</c> draws in the panel of its group; series of strategies are
/// <c>lc, ec, sc, sc-nf, naive-split</c>. Steps: epoch, channel rate in kbit/s, or stream frame index.
/// </summary>
public static class EdgeOffloadMetrics
{
    /// <summary>Teacher CenterNet loss per epoch (mean over batches).</summary>
    public const string TeacherLoss = "teacher-loss/train";

    /// <summary>mAP@0.5 on validation frames per epoch: <c>val-map/teacher</c>, <c>val-map/hnd</c>, <c>val-map/ghnd</c>.</summary>
    public const string ValidationMap = "val-map";

    /// <summary>Distillation loss per epoch, mean squared error per matched element: <c>distill-loss/hnd</c>, <c>distill-loss/ghnd</c>.</summary>
    public const string DistillLoss = "distill-loss";

    /// <summary>Neural filter cross-entropy per epoch.</summary>
    public const string FilterLoss = "filter-loss/train";

    /// <summary>Neural filter ROC-AUC on validation frames per epoch.</summary>
    public const string FilterAuc = "filter-auc/val";

    /// <summary>Bytes one stream frame puts on the link, per strategy; step = frame index.</summary>
    public const string Bytes = "bytes";

    /// <summary>Mean capture-to-output delay in ms per strategy; step = channel rate in kbit/s.</summary>
    public const string DelayMs = "delay-ms";

    /// <summary>95th-percentile delay in ms per strategy; step = channel rate in kbit/s.</summary>
    public const string DelayP95Ms = "delay-p95-ms";

    /// <summary>Delay in ms per strategy on the Gilbert-Elliott channel; step = frame index.</summary>
    public const string GilbertElliottDelayMs = "ge-delay-ms";

    /// <summary>AP@0.5 over the stream per strategy (one point, step 0).</summary>
    public const string StreamMap = "stream-map";

    /// <summary>COCO AP@[.5:.95], the paper's metric, over the stream per strategy (one point, step 0).</summary>
    public const string StreamAp = "stream-ap";

    public const string TeacherAp = "ap.teacher";
    public const string TeacherMap = "map.teacher";
    public const string BandLowMbps = "band.sc_beats_lc_above_mbps";
    public const string BandHighMbps = "band.sc_beats_ec_below_mbps";
    public const string FilteredShare = "filter.filtered_share";
    public const string FilterRecall = "filter.recall";
    public const string FilterPrecision = "filter.precision";
    public const string FilterThreshold = "filter.threshold";
    public const string FilterByteReduction = "filter.byte_reduction";
    public const string FilterDelayReduction = "filter.delay_reduction";
    public const string EmptyShare = "stream.empty_share";

    public static string Series(string group, string series) => $"{group}/{series}";
}
