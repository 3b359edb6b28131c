using Platform.Experiments.CommOverlap.Assumptions;
using Platform.Experiments.CommOverlap.Reporting;
using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.Contract.Figures;

namespace Platform.Experiments.CommOverlap.Running;

/// <summary>
/// The simulate mode: fit the burstiness (unless the run sets it), sweep the cells at the assumed constants with the
/// timeline of one cell, re-evaluate every figure over the assumption design, then claims and tables.
/// </summary>
internal static class SimulationRun
{
    public static async Task<RunSummary> RunAsync(CommOverlapParameters p, IRunContext context, CancellationToken ct)
    {
        var keys = SweepPlan.Cells(p);
        var workload = SweepPlan.Workload(p);
        var assumed = SimulationSettings.From(p);
        var fitting = p.GemmBurstiness is null && keys.Any(k => k.Model == TransformerModel.TNlg);
        var assumptions = AssumedConstants.Declare(p, assumed, fitting);
        var design = AssumptionDesign.Build(assumptions, p.AssumptionSamples, unchecked((int)context.Seed));
        await context.ProgressAsync(0, "simulating", ct);

        var settings = assumed;
        var fit = fitting ? BurstinessFit.Fit(BurstinessFit.TnlgShapes(keys, workload), assumed) : null;
        if (fit is not null)
        {
            settings = assumed with { GemmBurstiness = fit.Value };
            await context.LogLineAsync($"Fitted gemmBurstiness = {fit.Value:F3}: T-NLG geomean speedup {fit.GeomeanPct:F2}% against the paper's 30%" +
                (fit.Reached ? "." : ", the nearest [1, 8] allows."), ct);
        }

        var setup = Setup(p, settings, fit is not null);
        await context.LogLineAsync($"Simulating {p.Models.Count} model(s) × TP {string.Join('/', p.TpDegrees)} × {p.Sublayers.Count} sublayer(s); {setup}.", ct);
        var (cells, milliseconds) = await SweepRunner.RunAsync(p, keys, workload, settings, context, ct);
        await context.LogLineAsync($"Simulated {cells.Count} cells × 6 variants in {milliseconds:F0} ms.", ct);

        var ganttCell = cells.First(c => c.Model == p.Models[0] && c.Tp == p.TpDegreesFor(p.Models[0])[0] && c.Sublayer == p.GanttSublayer);
        await context.SaveGanttAsync("timeline", TimelineFigure.Build(ganttCell, settings), ct);
        foreach (var variant in (Variant[])[Variant.SwOverlap, Variant.T3, Variant.T3Mca])
        {
            if (ganttCell.Outcomes[variant].Trace is { } trace)
                await BandwidthSeries.LogAsync(variant, trace, context, ct);
        }

        await context.LogLineAsync($"Re-evaluating every figure at {design.Points.Count} points over {assumptions.Count} assumptions" +
            (fitting ? ", re-fitting gemmBurstiness at each." : "."), ct);
        var (perPoint, evidenceMs) = await DesignRunner.RunAsync(design, keys, workload, assumed, fitting, context, ct);
        var claims = Claims.Build(design, perPoint, setup);
        foreach (var claim in claims.Where(c => c.MeasuredValue is not null))
        {
            await context.LogLineAsync($"{claim.Claim}: {claim.MeasuredValue:F1}% over {claim.Range?.ToString() ?? "no range"} " +
                $"(paper {claim.PaperValue}%, band {claim.Band?.ToString() ?? "none"}) → {claim.Verdict?.ToString() ?? claim.Basis.ToString()}", ct);
        }

        var metrics = SummaryMetrics.Build(p, cells, milliseconds);
        metrics[CommOverlapMetrics.DesignPoints] = design.Points.Count;
        metrics[CommOverlapMetrics.EvidenceMs] = Math.Round(evidenceMs, 2);
        await context.ProgressAsync(1, "done", ct);
        return new RunSummary(metrics, claims)
        {
            Tables = [Tables.Models(cells), Tables.Cells(cells, p.Variants), Tables.Design(design, perPoint)],
            Assumptions = assumptions,
            Calibrations = fit is null ? [] : [fit.ToCalibration()],
        };
    }

    private static string Setup(CommOverlapParameters p, SimulationSettings s, bool fitted) =>
        $"GPU preset {Names.Kebab(p.Gpu)} ({s.Gpu.PeakTflops} TFLOPS × {s.Gpu.GemmEfficiency}, HBM {s.Gpu.HbmTbps} TB/s, link {s.Gpu.LinkGbps} GB/s), " +
        $"T = {p.Tokens}, {p.TrackerBlocks} tracked blocks per chunk, gemmBurstiness {s.GemmBurstiness:F2}{(fitted ? " (fitted)" : "")}";
}
