using Platform.Experiments.CommOverlap.Hardware;
using Platform.Experiments.CommOverlap.Reporting;
using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Figures;

namespace Platform.Experiments.CommOverlap.Running;

/// <summary>The simulate mode: sweep, timeline of one cell, then claims and tables.</summary>
internal static class SimulationRun
{
    public static async Task<RunSummary> RunAsync(CommOverlapParameters p, IRunContext context, CancellationToken ct)
    {
        var settings = SimulationSettings.From(p);
        var gpu = settings.Gpu;
        var calibration = $"GPU preset {Names.Kebab(p.Gpu)} ({gpu.PeakTflops} TFLOPS × {gpu.GemmEfficiency}, HBM {gpu.HbmTbps} TB/s, link {gpu.LinkGbps} GB/s), T = {p.Tokens}, {p.TrackerBlocks} tracked blocks per chunk, burstiness {p.GemmBurstiness}";
        await context.LogLineAsync($"Simulating {p.Models.Count} model(s) × TP {string.Join('/', p.TpDegrees)} × {p.Sublayers.Count} sublayer(s); {calibration}.", ct);
        await context.ProgressAsync(0, "simulating", ct);

        var (cells, milliseconds) = await SweepRunner.RunAsync(p, settings, context, ct);
        await context.LogLineAsync($"Simulated {cells.Count} cells × 6 variants in {milliseconds:F0} ms.", ct);

        var ganttCell = cells.First(c => c.Model == p.Models[0] && c.Tp == p.TpDegreesFor(p.Models[0])[0] && c.Sublayer == p.GanttSublayer);
        await context.SaveGanttAsync("timeline", TimelineFigure.Build(ganttCell, settings), ct);
        foreach (var variant in (Variant[])[Variant.SwOverlap, Variant.T3, Variant.T3Mca])
        {
            if (ganttCell.Outcomes[variant].Trace is { } trace)
                await BandwidthSeries.LogAsync(variant, trace, context, ct);
        }
        await context.ProgressAsync(0.95, "timeline and bandwidth written", ct);

        var claims = Claims.Build(cells, calibration);
        foreach (var claim in claims.Where(c => c.MeasuredValue is not null))
            await context.LogLineAsync($"{claim.Claim}: {claim.MeasuredValue:F1}% (paper {claim.PaperValue}%) → {claim.Verdict}", ct);

        var metrics = SummaryMetrics.Build(p, cells, milliseconds);
        await context.ProgressAsync(1, "done", ct);
        return new RunSummary(metrics, claims) { Tables = [Tables.Models(cells), Tables.Cells(cells, p.Variants)] };
    }
}
