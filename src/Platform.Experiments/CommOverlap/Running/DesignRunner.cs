using System.Diagnostics;
using Platform.Experiments.CommOverlap.Assumptions;
using Platform.Experiments.CommOverlap.Reporting;
using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;

namespace Platform.Experiments.CommOverlap.Running;

/// <summary>
/// Re-evaluates the headline figures at every point of the assumption design on the threads the worker grants the run,
/// a batch of points at a time so progress and cancellation are seen between batches.
/// </summary>
internal static class DesignRunner
{
    public static async Task<(IReadOnlyList<PointFigures> PerPoint, double Milliseconds)> RunAsync(AssumptionDesign design,
        IReadOnlyList<CellKey> cells, Workload workload, SimulationSettings assumed, bool fitBurstiness, IRunContext context, CancellationToken ct)
    {
        var threads = Math.Max(1, context.Threads);
        var perPoint = new List<PointFigures>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var batch in design.Points.Chunk(4 * threads))
        {
            ct.ThrowIfCancellationRequested();
            perPoint.AddRange(batch.AsParallel().AsOrdered().WithDegreeOfParallelism(threads).WithCancellation(ct)
                .Select(point => AssumptionSweep.At(point, cells, assumed, workload, fitBurstiness))
                .Select(result => new PointFigures(HeadlineFigures.Of(result.Cells), result.Fit)));
            var fraction = SweepRunner.ProgressShare + ((0.95 - SweepRunner.ProgressShare) * perPoint.Count / design.Points.Count);
            await context.ProgressAsync(fraction, $"assumption design: {perPoint.Count} of {design.Points.Count} points", ct);
        }

        return (perPoint, stopwatch.Elapsed.TotalMilliseconds);
    }
}
