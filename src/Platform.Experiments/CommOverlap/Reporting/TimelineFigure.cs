using Platform.Experiments.CommOverlap.Hardware;
using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract.Figures;

namespace Platform.Experiments.CommOverlap.Reporting;

/// <summary>
/// The Gantt timeline of one device for one cell: the serialized baseline, software overlap and T3-MCA one above
/// the other, in µs. Receives and reductions are drawn on their own lane; by ring symmetry they coincide with the
/// device's own sends.
/// </summary>
internal static class TimelineFigure
{
    public static GanttChart Build(CellResult cell, SimulationSettings s)
    {
        var bars = new List<GanttBar>();
        var lanes = new List<string>();
        AddSeq(cell, s, lanes, bars);
        AddOverlapped(cell, Variant.SwOverlap, "rs-kernel", s, lanes, bars);
        AddOverlapped(cell, Variant.T3Mca, "nmc-update", s, lanes, bars);
        var title = $"{ModelShapes.Label(cell.Model)} {ModelShapes.Label(cell.Sublayer)}, TP {cell.Tp}: one device, seq vs sw-overlap vs t3-mca";
        return new GanttChart(title, "µs", lanes, bars);
    }

    private static void AddSeq(CellResult cell, SimulationSettings s, List<string> lanes, List<GanttBar> bars)
    {
        var seq = cell.Seq;
        var rsEnd = seq.Time - AllGatherTime(cell, s);
        lanes.AddRange(["seq · GEMM", "seq · reduce-scatter", "seq · all-gather"]);
        bars.Add(new GanttBar("seq · GEMM", 0, Us(seq.GemmTime), "gemm", "whole GEMM"));
        AddSteps(bars, "seq · reduce-scatter", seq.GemmTime, rsEnd, cell.Tp - 1, "rs-kernel", "RS step");
        AddAllGather(bars, "seq · all-gather", rsEnd, cell, s);
    }

    private static void AddOverlapped(CellResult cell, Variant variant, string receiveCategory, SimulationSettings s, List<string> lanes, List<GanttBar> bars)
    {
        var outcome = cell.Outcomes[variant];
        if (outcome.Trace is not { } trace)
            return;
        var name = Names.Kebab(variant);
        string[] own = [$"{name} · GEMM", $"{name} · tracker", $"{name} · link send", $"{name} · receive + reduce", $"{name} · all-gather"];
        lanes.AddRange(own);
        bars.AddRange(trace.GemmBlocks.Select(b => new GanttBar(own[0], Us(b.Start), Us(b.End), "gemm", $"chunk {b.Chunk}.{b.Block}")));
        foreach (var t in trace.Transfers)
        {
            bars.Add(new GanttBar(own[1], Us(t.Complete), Us(t.Start), "trigger", $"step {t.Step} chunk {t.Chunk}.{t.Block}"));
            bars.Add(new GanttBar(own[2], Us(t.Start), Us(t.End), "dma", $"step {t.Step} chunk {t.Chunk}.{t.Block}"));
            bars.Add(new GanttBar(own[3], Us(t.Start), Us(t.End), receiveCategory, $"partial of chunk {RingCollective.ChunkSentAt(0, t.Step + 1, cell.Tp)}.{t.Block}"));
        }
        AddAllGather(bars, own[4], trace.ReduceScatterEnd, cell, s);
    }

    private static void AddAllGather(List<GanttBar> bars, string lane, double start, CellResult cell, SimulationSettings s)
    {
        var time = AllGatherTime(cell, s);
        if (time > 0)
            AddSteps(bars, lane, start, start + time, RingCollective.AllGatherSteps(cell.Tp), "all-gather", "AG step");
    }

    private static void AddSteps(List<GanttBar> bars, string lane, double start, double end, int steps, string category, string label)
    {
        var step = (end - start) / steps;
        for (var i = 0; i < steps; i++)
            bars.Add(new GanttBar(lane, Us(start + (i * step)), Us(start + ((i + 1) * step)), category, $"{label} {i + 1}"));
    }

    private static double AllGatherTime(CellResult cell, SimulationSettings s) =>
        s.AllGather == AllGatherHandling.Serial
            ? RingCollective.AllGatherSteps(cell.Tp) * (s.StepLatency + (cell.Shape.ChunkBytes / s.Gpu.LinkBytesPerSecond))
            : 0;

    private static double Us(double seconds) => Math.Round(seconds * 1e6, 3);
}
