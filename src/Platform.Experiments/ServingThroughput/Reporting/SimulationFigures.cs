using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Figures;
using Platform.Experiments.ServingThroughput.Running;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Reporting;

/// <summary>
/// An engine's figures: a Gantt of one steady-state layer by execution unit (ops of neighbouring layers that overlap it
/// are drawn too), and utilisation of compute, HBM and network over the simulated multi-layer window.
/// </summary>
internal static class SimulationFigures
{
    private const int UtilisationBuckets = 200;
    private const int GanttLayer = 1;

    public static GanttChart Gantt(EngineOutcome outcome)
    {
        var trace = outcome.Result.Trace;
        var layerOps = trace.Ops.Where(op => op.Layer == GanttLayer).Select(op => op.Id).ToList();
        var windowStart = layerOps.Min(id => trace.Start[id]);
        var windowEnd = layerOps.Max(id => trace.End[id]);
        var bars = trace.Ops
            .Where(op => trace.End[op.Id] > windowStart && trace.Start[op.Id] < windowEnd)
            .Select(op => new GanttBar(op.Class.Unit(), Math.Max(0, trace.Start[op.Id] - windowStart),
                Math.Min(windowEnd, trace.End[op.Id]) - windowStart, op.Class.Label(), $"L{op.Layer + 1} {op.Name}"))
            .ToList();
        var lanes = new[] { OpClass.Gemm.Unit(), OpClass.DecodeAttention.Unit(), OpClass.Network.Unit() };
        return new GanttChart($"{outcome.Name}: one decoder layer per GPU ({outcome.Result.Shape.Describe()})", "µs", lanes, bars);
    }

    public static async Task LogUtilisationAsync(EngineOutcome outcome, IRunContext context, CancellationToken cancellationToken)
    {
        var trace = outcome.Result.Trace;
        var width = Math.Max(1, Math.Ceiling(trace.Makespan / UtilisationBuckets));
        var group = ServingThroughputMetrics.UtilisationPrefix + outcome.Name;
        for (var bucket = 0; bucket * width < trace.Makespan; bucket++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (compute, memory, network) = Average(trace.Segments, bucket * width, (bucket + 1) * width);
            var step = (long)(bucket * width);
            await context.LogAsync(ServingThroughputMetrics.Key(group, "compute"), step, 100 * compute, cancellationToken);
            await context.LogAsync(ServingThroughputMetrics.Key(group, "memory"), step, 100 * memory, cancellationToken);
            await context.LogAsync(ServingThroughputMetrics.Key(group, "network"), step, 100 * network, cancellationToken);
        }
    }

    private static (double, double, double) Average(IReadOnlyList<UtilisationSegment> segments, double from, double to)
    {
        double compute = 0, memory = 0, network = 0;
        foreach (var s in segments)
        {
            var overlap = Math.Min(to, s.End) - Math.Max(from, s.Start);
            if (overlap > 0)
            {
                compute += s.Compute * overlap;
                memory += s.Memory * overlap;
                network += s.Network * overlap;
            }
        }

        var span = to - from;
        return (compute / span, memory / span, network / span);
    }
}
