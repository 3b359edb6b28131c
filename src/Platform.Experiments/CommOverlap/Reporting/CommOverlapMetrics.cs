namespace Platform.Experiments.CommOverlap.Reporting;

/// <summary>
/// Metric keys of the family. Live series are <c>group/series</c> keys (one chart panel per group); summary
/// metrics are flat names.
/// </summary>
public static class CommOverlapMetrics
{
    /// <summary>T3-MCA speedup over seq (×) of one sublayer, one curve per model; step = TP degree.</summary>
    public static string TpSweep(Sublayer sublayer, TransformerModel model) => $"tp-sweep-{Names.Kebab(sublayer)}/{Names.Kebab(model)}";

    /// <summary>Speedup over seq (×) of each variant for the first model; step = TP degree.</summary>
    public static string VariantSpeedup(Sublayer sublayer, Variant variant) => $"variants-{Names.Kebab(sublayer)}/{Names.Kebab(variant)}";

    /// <summary>T3's GEMM + reduce-scatter DRAM bytes saved against seq (%); step = TP degree.</summary>
    public static string DataMovementReduction(TransformerModel model, Sublayer sublayer) => $"dm-reduction/{Names.Kebab(model)}-{Names.Kebab(sublayer)}";

    /// <summary>DRAM bandwidth (GB/s) of the GEMM or the collective over the Gantt cell's run; step = time in µs.</summary>
    public static string DramBandwidth(Variant variant, string stream) => $"dram-{Names.Kebab(variant)}/{stream}";

    /// <summary>cpu-real: wall time (ms) of a schedule per repeat; step = repeat.</summary>
    public static string CpuWallMs(string schedule) => $"cpu-wall-ms/{schedule}";

    /// <summary>cpu-real: mean time (ms) of one GEMM chunk, alone or while copies run; step = repeat.</summary>
    public static string CpuChunkMs(string schedule) => $"cpu-chunk-ms/{schedule}";

    public const string TnlgGeomeanSpeedup = "headline.tnlg-geomean-speedup";
    public const string TnlgMaxSpeedup = "headline.tnlg-max-speedup";
    public const string TnlgDataMovementGeomean = "headline.tnlg-dm-reduction-geomean-pct";
    public const string TnlgDataMovementMax = "headline.tnlg-dm-reduction-max-pct";
    public const string LargeModelGeomeanSpeedup = "headline.500b-geomean-speedup";
    public const string Cells = "cells";
    /// <summary>Cells where seq ≤ t3 ≤ t3-mca ≤ ideal holds in speed (<see cref="VariantOrdering.Core"/>).</summary>
    public const string OrderingHolds = "ordering.cells-holding";
    public const string SwSlowerThanSeq = "sw-overlap.cells-slower-than-seq";
    public const string SimulationMs = "simulation-ms";

    /// <summary>Points of the assumption design every claim was re-evaluated at, and the time that took.</summary>
    public const string DesignPoints = "evidence.design-points";
    public const string EvidenceMs = "evidence-ms";

    /// <summary>Geomean speedup (×) of a variant over all cells of a model.</summary>
    public static string GeomeanSpeedup(TransformerModel model, Variant variant) => $"{Names.Kebab(model)}.geomean-speedup.{Names.Kebab(variant)}";

    public const string CpuSequentialMs = "cpu.sequential-ms";
    public const string CpuFusedMs = "cpu.fused-ms";
    public const string CpuGainPct = "cpu.gain-pct";
    public const string CpuChunkSlowdownPct = "cpu.chunk-slowdown-pct";
    public const string CpuMaxAbsDifference = "cpu.max-abs-difference";
    public const string CpuBytesCopied = "cpu.bytes-copied";
}
