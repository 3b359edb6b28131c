using System.Diagnostics;
using Platform.Experiments.CommOverlap.Hardware;
using Platform.Experiments.CommOverlap.Reporting;
using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract;

namespace Platform.Experiments.CommOverlap.Running;

/// <summary>Simulates every (model, TP, sublayer) cell at the assumed constants, logging each cell's points as soon as it is done.</summary>
internal static class SweepRunner
{
    public const double ProgressShare = 0.3;

    public static async Task<(IReadOnlyList<CellResult> Cells, double Milliseconds)> RunAsync(CommOverlapParameters p,
        IReadOnlyList<CellKey> keys, Workload workload, SimulationSettings settings, IRunContext context, CancellationToken cancellationToken)
    {
        var cells = new List<CellResult>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cell = CellSimulator.Simulate(key.Model, key.Sublayer, workload.Shape(key), settings);
            cells.Add(cell);
            await LogCellAsync(p, cell, context, cancellationToken);
            await context.ProgressAsync(ProgressShare * cells.Count / keys.Count,
                $"{ModelShapes.Label(key.Model)} TP {key.Tp} {ModelShapes.Label(key.Sublayer)}: simulated", cancellationToken);
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
