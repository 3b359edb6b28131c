using Platform.Experiments.EdgeOffload.Running;
using Platform.Experiments.EdgeOffload.Simulation;

namespace Platform.Experiments.EdgeOffload.Reporting;

/// <summary>What the filter saves relative to split computing without it.</summary>
internal static class Reductions
{
    public static double Bytes(StreamOutcome stream) =>
        1 - (stream.MeanBytes(Strategy.SplitFiltered) / stream.MeanBytes(Strategy.Split));

    /// <summary>Mean over the swept rates of the relative cut in mean delay.</summary>
    public static double MeanDelay(SweepOutcome sweep) =>
        sweep.Rates.Average(point => 1 - (point.Delays[Strategy.SplitFiltered].MeanMs / point.Delays[Strategy.Split].MeanMs));
}
