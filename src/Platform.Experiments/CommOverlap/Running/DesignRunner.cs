using System.Diagnostics;
using Platform.Experiments.CommOverlap.Assumptions;
using Platform.Experiments.CommOverlap.Reporting;
using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;

namespace Platform.Experiments.CommOverlap.Running;

/// <summary>Re-evaluates the headline figures at every point of the assumption design, reporting progress as it goes.</summary>
internal static class DesignRunner
{
    public static async Task<(IReadOnlyList<PointFigures> PerPoint, double Milliseconds)> RunAsync(AssumptionDesign design,
        IReadOnlyList<CellKey> cells, Workload workload, SimulationSettings assumed, bool fitBurstiness, IRunContext context, CancellationToken ct)
    {
        var perPoint = new List<PointFigures>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var result in AssumptionSweep.Run(design, cells, assumed, workload, fitBurstiness))
        {
            perPoint.Add(new PointFigures(HeadlineFigures.Of(result.Cells), result.Fit));
            var fraction = SweepRunner.ProgressShare + ((0.95 - SweepRunner.ProgressShare) * perPoint.Count / design.Points.Count);
            await context.ProgressAsync(fraction, $"assumption design: point {perPoint.Count} of {design.Points.Count}", ct);
        }

        return (perPoint, stopwatch.Elapsed.TotalMilliseconds);
    }
}
