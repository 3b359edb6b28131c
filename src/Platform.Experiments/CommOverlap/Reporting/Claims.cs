using Platform.Experiments.CommOverlap.Assumptions;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;

namespace Platform.Experiments.CommOverlap.Reporting;

/// <summary>
/// The paper's claims beside what the run measured. Simulate: the figure the burstiness was fitted to is a
/// calibration (no verdict); every other figure is a prediction, judged over the range it takes across the assumption
/// design against the paper's band. Cpu-real: the measured gain, which does not describe what the paper's does.
/// </summary>
internal static class Claims
{
    /// <summary>The predicted claims of a run whose burstiness is fitted (the headline): every figure but the fitted one.</summary>
    public static IReadOnlyList<string> PredictedWhenFitted { get; } =
        [PaperFigures.TnlgMax.Claim, PaperFigures.DataMovementGeomean.Claim, PaperFigures.DataMovementMax.Claim, PaperFigures.LargeGeomean.Claim];

    /// <param name="perPoint">The figures at every point of <paramref name="design"/>, the assumed point first.</param>
    /// <param name="setup">The assumed configuration, in words.</param>
    public static IReadOnlyList<ClaimCheck> Build(AssumptionDesign design, IReadOnlyList<PointFigures> perPoint, string setup)
    {
        var fit = perPoint[0].Fit;
        var unreached = perPoint.Skip(1).Count(p => p.Fit is { Reached: false });
        var points = design.Points.Count;
        var speedupRange = fit is null
            ? $"Range over the {points} points of the assumption design."
            : $"Range over {points - unreached} of the {points} points of the assumption design, gemmBurstiness re-fitted to 30% at each" +
              (unreached > 0 ? $"; the {unreached} where no value in [1, 8] reaches 30% are left out." : ".");
        var speedup = $"T3-MCA vs seq, simulated; {setup}. {speedupRange}";
        var dataMovement = $"DRAM bytes the simulation moved for GEMM + reduce-scatter, T3 (near-memory reduction) vs seq; the all-gather " +
            $"is the same in every variant and left out; {setup}. Range over the {points} points of the assumption design.";

        // A point whose fit missed 30% is not a model that matches the calibration figure, so its speedups say nothing.
        double?[] Speedups(Func<HeadlineFigures, double?> figure) =>
            [.. perPoint.Select((p, i) => i > 0 && p.Fit is { Reached: false } ? double.NaN : figure(p.Figures))];
        double?[] Traffic(Func<HeadlineFigures, double?> figure) => [.. perPoint.Select(p => figure(p.Figures))];

        var geomean = fit is null
            ? Judge(PaperFigures.TnlgGeomean, Speedups(f => f.TnlgGeomean), design, speedup)
            : Fitted(PaperFigures.TnlgGeomean, perPoint[0].Figures.TnlgGeomean, fit, speedup);
        return
        [
            geomean,
            Judge(PaperFigures.TnlgMax, Speedups(f => f.TnlgMax), design, speedup),
            Judge(PaperFigures.DataMovementGeomean, Traffic(f => f.DmGeomean), design, dataMovement),
            Judge(PaperFigures.DataMovementMax, Traffic(f => f.DmMax), design, dataMovement),
            Judge(PaperFigures.LargeGeomean, Speedups(f => f.LargeGeomean), design, speedup),
        ];
    }

    /// <summary>The cpu-real mode's claim: the measured gain of the fused schedule, in percent.</summary>
    public static IReadOnlyList<ClaimCheck> Build(double cpuGainPct) =>
    [
        ClaimCheck.NotComparable(PaperFigures.CpuGain.Claim, PaperFigures.CpuGain.Value, Math.Round(cpuGainPct, 2), "%",
            "Measured on this CPU with threads as ranks; the paper's 30% is T-NLG on a simulated GPU with near-memory reduction, which a CPU cannot reproduce."),
    ];

    private static ClaimCheck Judge(PaperFigure paper, IReadOnlyList<double?> perPoint, AssumptionDesign design, string note)
    {
        if (perPoint[0] is null)
            return ClaimCheck.NotComparable(paper.Claim, paper.Value, null, "%", "The run simulated none of these models.");
        var evidence = design.Summarise([.. perPoint.Select(v => v is { } value ? Math.Round(value, 2) : double.NaN)], paper.Band);
        return ClaimCheck.Predicted(paper.Claim, paper.Value, paper.Band, "%", evidence, $"{note} {paper.BandNote}");
    }

    private static ClaimCheck Fitted(PaperFigure paper, double? measured, BurstinessFitResult fit, string note)
    {
        var reach = fit.Reached ? "" : $"; no value in [1, 8] reaches it, the nearest end gives {fit.GeomeanPct:F1}%";
        return ClaimCheck.Calibrated(paper.Claim, paper.Value, measured is { } m ? Math.Round(m, 2) : null, "%",
            $"fitted: gemmBurstiness = {fit.Value:F2} to match the paper's {paper.Value}% (T3 abstract){reach}; a calibration, so no verdict. {note}");
    }
}

/// <summary>The headline figures at one point of the assumption design and, when the burstiness is calibrated, its fit there.</summary>
internal sealed record PointFigures(HeadlineFigures Figures, BurstinessFitResult? Fit);
