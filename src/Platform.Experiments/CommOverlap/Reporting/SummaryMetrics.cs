using Platform.Experiments.CommOverlap.Simulation;

namespace Platform.Experiments.CommOverlap.Reporting;

/// <summary>The flat summary metrics of a simulated sweep; headline entries appear only when their models were simulated.</summary>
internal static class SummaryMetrics
{
    public static Dictionary<string, double> Build(CommOverlapParameters p, IReadOnlyList<CellResult> cells, double milliseconds)
    {
        var metrics = new Dictionary<string, double>
        {
            [CommOverlapMetrics.Cells] = cells.Count,
            [CommOverlapMetrics.OrderingHolds] = cells.Count(c => VariantOrdering.Holds(c)),
            [CommOverlapMetrics.SwSlowerThanSeq] = cells.Count(c => c.Speedup(Variant.SwOverlap) < 1),
            [CommOverlapMetrics.SimulationMs] = Math.Round(milliseconds, 2),
        };
        foreach (var group in cells.GroupBy(c => c.Model))
        {
            foreach (var variant in p.Variants)
                metrics[CommOverlapMetrics.GeomeanSpeedup(group.Key, variant)] = Geomean.Of(group.Select(c => c.Speedup(variant)));
        }

        var tnlg = cells.Where(c => c.Model == TransformerModel.TNlg).ToList();
        if (tnlg.Count > 0)
        {
            metrics[CommOverlapMetrics.TnlgGeomeanSpeedup] = Geomean.Of(tnlg.Select(c => c.Speedup(Variant.T3Mca)));
            metrics[CommOverlapMetrics.TnlgMaxSpeedup] = tnlg.Max(c => c.Speedup(Variant.T3Mca));
            metrics[CommOverlapMetrics.TnlgDataMovementGeomean] = Geomean.Of(tnlg.Select(c => 100 * c.DataMovementReduction(Variant.T3)));
            metrics[CommOverlapMetrics.TnlgDataMovementMax] = tnlg.Max(c => 100 * c.DataMovementReduction(Variant.T3));
        }

        var large = cells.Where(c => c.Model is TransformerModel.Palm or TransformerModel.MtNlg).ToList();
        if (large.Count > 0)
            metrics[CommOverlapMetrics.LargeModelGeomeanSpeedup] = Geomean.Of(large.Select(c => c.Speedup(Variant.T3Mca)));
        return metrics;
    }
}
