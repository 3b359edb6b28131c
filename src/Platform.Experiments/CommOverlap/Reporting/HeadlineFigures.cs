using Platform.Experiments.CommOverlap.Simulation;

namespace Platform.Experiments.CommOverlap.Reporting;

/// <summary>
/// The abstract's five figures measured on a sweep's cells, in percent; null where the sweep has none of the cells a
/// figure needs. Speedups are T3-MCA over seq, reported as the paper does in percent faster (geomean over the ratios);
/// data movement is T3's DRAM bytes saved against seq, as the simulation moved them.
/// </summary>
internal sealed record HeadlineFigures(double? TnlgGeomean, double? TnlgMax, double? DmGeomean, double? DmMax, double? LargeGeomean)
{
    public static HeadlineFigures Of(IReadOnlyList<CellResult> cells)
    {
        var tnlg = cells.Where(c => c.Model == TransformerModel.TNlg).ToList();
        var large = cells.Where(c => c.Model is TransformerModel.Palm or TransformerModel.MtNlg).ToList();
        var hasTnlg = tnlg.Count > 0;
        return new(
            hasTnlg ? GeomeanSpeedupPct(tnlg) : null,
            hasTnlg ? tnlg.Max(c => Pct(c.Speedup(Variant.T3Mca))) : null,
            hasTnlg ? Geomean.Of(tnlg.Select(DataMovementPct)) : null,
            hasTnlg ? tnlg.Max(DataMovementPct) : null,
            large.Count > 0 ? GeomeanSpeedupPct(large) : null);
    }

    private static double GeomeanSpeedupPct(IEnumerable<CellResult> cells) => Pct(Geomean.Of(cells.Select(c => c.Speedup(Variant.T3Mca))));

    private static double DataMovementPct(CellResult cell) => 100 * cell.DataMovementReduction(Variant.T3);

    private static double Pct(double speedup) => 100 * (speedup - 1);
}
