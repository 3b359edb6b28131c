using System.Diagnostics;
using Platform.Experiments.CommOverlap.Hardware;
using Platform.Experiments.CommOverlap.Reporting;
using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract;

namespace Platform.Experiments.CommOverlap.Running;

/// <summary>Simulates every (model, TP, sublayer) cell, logging each cell's points as soon as it is done.</summary>
internal static class SweepRunner
{
    public static async Task<(IReadOnlyList<CellResult> Cells, double Milliseconds)> RunAsync(
        CommOverlapParameters p, SimulationSettings settings, IRunContext context, CancellationToken cancellationToken)
    {
        var cells = new List<CellResult>();
        var total = p.Models.Sum(m => p.TpDegreesFor(m).Count) * p.Sublayers.Count;
        var stopwatch = Stopwatch.StartNew();
        foreach (var model in p.Models)
        {
            foreach (var tp in p.TpDegreesFor(model))
            {
                foreach (var sublayer in p.Sublayers)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var shape = new CellShape(ModelShapes.HiddenSize(model, p.CustomHidden), tp, p.Tokens,
                        ModelShapes.InnerFactor(sublayer), p.DtypeBytes, p.GemmTile, p.L2Reuse);
                    var cell = CellSimulator.Simulate(model, sublayer, shape, settings);
                    cells.Add(cell);
                    await LogCellAsync(p, cell, context, cancellationToken);
                }

                await context.ProgressAsync(0.9 * cells.Count / total,
                    $"{ModelShapes.Label(model)} TP {tp}: simulated", cancellationToken);
            }
        }

        return (cells, stopwatch.Elapsed.TotalMilliseconds);
    }

    private static async Task LogCellAsync(CommOverlapParameters p, CellResult cell, IRunContext context, CancellationToken ct)
    {
        await context.LogAsync(CommOverlapMetrics.TpSweep(cell.Sublayer, cell.Model), cell.Tp, cell.Speedup(Variant.T3Mca), ct);
        await context.LogAsync(CommOverlapMetrics.DataMovementReduction(cell.Model, cell.Sublayer), cell.Tp, 100 * cell.DataMovementReduction(Variant.T3), ct);
        if (cell.Model != p.Models[0])
        {
            return;
        }

        foreach (var variant in p.Variants)
        {
            await context.LogAsync(CommOverlapMetrics.VariantSpeedup(cell.Sublayer, variant), cell.Tp, cell.Speedup(variant), ct);
        }
    }
}
