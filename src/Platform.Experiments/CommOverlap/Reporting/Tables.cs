using Platform.Experiments.CommOverlap.Hardware;
using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;

namespace Platform.Experiments.CommOverlap.Reporting;

/// <summary>The per-cell and per-model tables of a simulated sweep.</summary>
internal static class Tables
{
    public static ResultTable Cells(IReadOnlyList<CellResult> cells, IReadOnlyList<Variant> variants)
    {
        var columns = new List<string> { "Model", "Sublayer", "TP" };
        columns.AddRange(variants.Select(v => $"{Names.Kebab(v)} µs"));
        columns.AddRange(variants.Where(v => v != Variant.Seq).Select(v => $"{Names.Kebab(v)} ×"));
        columns.AddRange(["sw-overlap % of ideal", "t3-mca % of ideal", "GEMM MB", "seq RS MB", "t3 RS MB", "AG MB",
            "DM reduction %", "GEMM slowdown sw %", "GEMM slowdown t3 %", "GEMM slowdown t3-mca %"]);
        var rows = cells.Select(c =>
        {
            var row = new List<object?> { ModelShapes.Label(c.Model), ModelShapes.Label(c.Sublayer), c.Tp };
            row.AddRange(variants.Select(v => (object?)Round(c.Outcomes[v].Time * 1e6, 1)));
            row.AddRange(variants.Where(v => v != Variant.Seq).Select(v => (object?)Round(c.Speedup(v), 3)));
            row.AddRange([
                Percent(c.ShareOfIdeal(Variant.SwOverlap)), Percent(c.ShareOfIdeal(Variant.T3Mca)),
                Round(c.Seq.GemmBytes / 1e6, 1), Round(c.Seq.ReduceScatterBytes / 1e6, 1),
                Round(c.Outcomes[Variant.T3].ReduceScatterBytes / 1e6, 1), Round(c.Seq.AllGatherBytes / 1e6, 1),
                Round(100 * c.DataMovementReduction(Variant.T3), 1),
                Round(100 * c.Outcomes[Variant.SwOverlap].GemmSlowdown, 1),
                Round(100 * c.Outcomes[Variant.T3].GemmSlowdown, 1),
                Round(100 * c.Outcomes[Variant.T3Mca].GemmSlowdown, 1)]);
            return (IReadOnlyList<object?>)row;
        }).ToList();
        return new ResultTable("Per sublayer: time per variant, speedup over seq, share of the ideal gain, DRAM bytes, GEMM slowdown", columns, rows);
    }

    public static ResultTable Models(IReadOnlyList<CellResult> cells)
    {
        var overlapped = VariantOrdering.Expected.Where(v => v != Variant.Seq).ToList();
        var columns = new List<string> { "Model", "Cells" };
        columns.AddRange(overlapped.Select(v => $"{Names.Kebab(v)} geomean ×"));
        columns.AddRange(["t3-mca max ×", "DM reduction geomean %", "DM reduction max %"]);
        var rows = cells.GroupBy(c => c.Model).Select(g =>
        {
            var row = new List<object?> { ModelShapes.Label(g.Key), g.Count() };
            row.AddRange(overlapped.Select(v => (object?)Round(Geomean.Of(g.Select(c => c.Speedup(v))), 3)));
            row.AddRange([
                Round(g.Max(c => c.Speedup(Variant.T3Mca)), 3),
                Round(Geomean.Of(g.Select(c => 100 * c.DataMovementReduction(Variant.T3))), 1),
                Round(g.Max(c => 100 * c.DataMovementReduction(Variant.T3)), 1)]);
            return (IReadOnlyList<object?>)row;
        }).ToList();
        return new ResultTable("Per model: geomean speedup over seq across sublayers and TP degrees", columns, rows);
    }

    /// <summary>The evidence behind the claims: every point of the assumption design, its values, the fit there and the five figures.</summary>
    public static ResultTable Design(AssumptionDesign design, IReadOnlyList<PointFigures> perPoint)
    {
        var fitted = perPoint[0].Fit is not null;
        var columns = new List<string> { "point" };
        columns.AddRange(design.Assumptions.Select(a => a.Name));
        if (fitted)
            columns.AddRange(["gemmBurstiness (fitted)", "fit reaches 30%"]);
        columns.AddRange(["T-NLG geomean %", "T-NLG max %", "DM geomean %", "DM max %", "~500B geomean %"]);
        var rows = design.Points.Zip(perPoint).Select(x =>
        {
            var (point, figures) = x;
            var row = new List<object?> { point.IsAssumed ? "assumed" : point.Varied is { } varied ? $"only {varied}" : "sample" };
            row.AddRange(design.Assumptions.Select(a => (object?)Round(point[a.Name], 3)));
            if (figures.Fit is { } fit)
                row.AddRange([Round(fit.Value, 3), fit.Reached ? "yes" : "no"]);
            var f = figures.Figures;
            row.AddRange([Round(f.TnlgGeomean, 2), Round(f.TnlgMax, 2), Round(f.DmGeomean, 2), Round(f.DmMax, 2), Round(f.LargeGeomean, 2)]);
            return (IReadOnlyList<object?>)row;
        }).ToList();
        return new ResultTable("Assumption design: every point the claims were re-evaluated at", columns, rows);
    }

    private static double Round(double value, int digits) => Math.Round(value, digits);

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;

    private static double? Percent(double? share) => share is { } s ? Math.Round(100 * s, 1) : null;
}
