using Platform.Experiments.CommOverlap.Hardware;
using Platform.Experiments.Contract;

namespace Platform.Experiments.CommOverlap.Reporting;

/// <summary>Chart panels of the run page, by metric group (see <see cref="CommOverlapMetrics"/>).</summary>
internal static class Charts
{
    public static IReadOnlyList<ChartPanel> Panels { get; } =
    [
        .. Enum.GetValues<Sublayer>().Select(s => new ChartPanel(ChartPanel.GroupOf(CommOverlapMetrics.TpSweep(s, TransformerModel.TNlg)),
            $"{ModelShapes.Label(s)}: T3-MCA speedup vs TP, per model", "TP degree", "speedup over seq (×)") { LogX = true }),
        .. Enum.GetValues<Sublayer>().Select(s => new ChartPanel(ChartPanel.GroupOf(CommOverlapMetrics.VariantSpeedup(s, Variant.T3)),
            $"{ModelShapes.Label(s)}: speedup of each variant (first model)", "TP degree", "speedup over seq (×)") { LogX = true }),
        new(ChartPanel.GroupOf(CommOverlapMetrics.DataMovementReduction(TransformerModel.TNlg, Sublayer.Op)),
            "DRAM bytes saved by T3 (GEMM + reduce-scatter)", "TP degree", "reduction vs seq (%)") { LogX = true },
        .. ((Variant[])[Variant.SwOverlap, Variant.T3, Variant.T3Mca]).Select(v => new ChartPanel(ChartPanel.GroupOf(CommOverlapMetrics.DramBandwidth(v, "gemm")),
            $"DRAM bandwidth split, {Names.Kebab(v)} (timeline cell)", "time (µs)", "GB/s")),
        new(ChartPanel.GroupOf(CommOverlapMetrics.CpuWallMs("fused")), "cpu-real: wall time per schedule", "repeat", "ms"),
        new(ChartPanel.GroupOf(CommOverlapMetrics.CpuChunkMs("fused")), "cpu-real: GEMM chunk time, alone vs beside copies", "repeat", "ms"),
    ];
}
