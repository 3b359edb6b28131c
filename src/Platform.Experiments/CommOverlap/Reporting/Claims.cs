using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract;

namespace Platform.Experiments.CommOverlap.Reporting;

/// <summary>
/// The paper's claims beside what the run measured. Simulate: the abstract's headline figures beside the simulated
/// ones, each judged against a tolerance band around the paper's figure: inside it is supported, inside twice the
/// band partly supported. Cpu-real: the measured gain, which does not compare with the paper's.
/// </summary>
internal static class Claims
{
    public static IReadOnlyList<ClaimCheck> Build(IReadOnlyList<CellResult> cells, string calibration)
    {
        var tnlg = cells.Where(c => c.Model == TransformerModel.TNlg).ToList();
        var large = cells.Where(c => c.Model is TransformerModel.Palm or TransformerModel.MtNlg).ToList();
        var note = $"Simulated T3 with MCA vs seq, {calibration}; the paper's GPU configuration is not published, so this is a calibration, not its setup.";
        var dmNote = $"DRAM bytes of GEMM + reduce-scatter, T3 (near-memory reduction) vs seq, {calibration}; the all-gather is excluded as no variant changes it.";
        return
        [
            Claim("T-NLG sublayer speedup, geomean", 30, tnlg, c => Pct(c.Speedup(Variant.T3Mca)), Geo, 4, note),
            Claim("T-NLG sublayer speedup, max", 47, tnlg, c => Pct(c.Speedup(Variant.T3Mca)), Enumerable.Max, 6, note),
            Claim("T-NLG data-movement reduction, geomean", 22, tnlg, c => 100 * c.DataMovementReduction(Variant.T3), Geomean.Of, 6, dmNote),
            Claim("T-NLG data-movement reduction, max", 36, tnlg, c => 100 * c.DataMovementReduction(Variant.T3), Enumerable.Max, 6, dmNote),
            Claim("~500B models (PaLM, MT-NLG) sublayer speedup, geomean", 29, large, c => Pct(c.Speedup(Variant.T3Mca)), Geo, 5, note),
        ];
    }

    /// <summary>The cpu-real mode's claim: the measured gain of the fused schedule, in percent.</summary>
    public static IReadOnlyList<ClaimCheck> Build(double cpuGainPct) =>
    [
        new("Fine-grained overlap speeds up a GEMM followed by reduce-scatter", 30, Math.Round(cpuGainPct, 2), "%", ClaimVerdict.NotComparable,
            "Measured on this CPU with threads as ranks; the paper's 30% is T-NLG on a simulated GPU with near-memory reduction, which a CPU cannot reproduce."),
    ];

    public static double? Measure(IReadOnlyList<CellResult> cells, Func<CellResult, double> value, Func<IEnumerable<double>, double> aggregate) =>
        cells.Count == 0 ? null : aggregate(cells.Select(value));

    private static ClaimCheck Claim(string claim, double paper, IReadOnlyList<CellResult> cells, Func<CellResult, double> value,
        Func<IEnumerable<double>, double> aggregate, double band, string note)
    {
        if (Measure(cells, value, aggregate) is not { } measured)
        {
            return new ClaimCheck(claim, paper, null, "%", ClaimVerdict.NotComparable, "The run simulated none of these models.");
        }

        var off = Math.Abs(measured - paper);
        var verdict = off <= band ? ClaimVerdict.Supported : off <= 2 * band ? ClaimVerdict.PartlySupported : ClaimVerdict.NotSupported;
        return new ClaimCheck(claim, paper, Math.Round(measured, 2), "%", verdict, $"{note} Band ±{band} pts; off by {off:F1}.");
    }

    // Speedups are reported as the paper does, in percent faster; their geomean is taken over the ratios.
    private static double Pct(double speedup) => 100 * (speedup - 1);

    private static double Geo(IEnumerable<double> percents) => Pct(Geomean.Of(percents.Select(p => 1 + (p / 100))));
}
