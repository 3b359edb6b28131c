using Platform.Experiments.EdgeOffload.Running;
using Platform.Experiments.EdgeOffload.Simulation;

namespace Platform.Experiments.EdgeOffload.Reporting;

/// <summary>The headline numbers of a run, by key (AP, band bounds in Mbps, filter shares, bytes, times).</summary>
internal static class SummaryMetrics
{
    public static IReadOnlyDictionary<string, double> Build(RunResults r)
    {
        var f = r.Stream.Filter;
        var metrics = new Dictionary<string, double>
        {
            [EdgeOffloadMetrics.TeacherAp] = r.Stream.Scores[Strategy.Local].Ap,
            [EdgeOffloadMetrics.TeacherMap] = r.Stream.Scores[Strategy.Local].Ap50,
            [EdgeOffloadMetrics.BandLowMbps] = r.Sweep.Band.BeatsLocalAboveMbps,
            [EdgeOffloadMetrics.BandHighMbps] = r.Sweep.Band.BeatsEdgeBelowMbps,
            [EdgeOffloadMetrics.FilteredShare] = f.FilteredShare,
            [EdgeOffloadMetrics.FilterRecall] = f.Recall,
            [EdgeOffloadMetrics.FilterPrecision] = f.Precision,
            [EdgeOffloadMetrics.FilterThreshold] = f.Threshold,
            [EdgeOffloadMetrics.FilterByteReduction] = Reductions.Bytes(r.Stream),
            [EdgeOffloadMetrics.FilterDelayReduction] = Reductions.MeanDelay(r.Sweep),
            [EdgeOffloadMetrics.EmptyShare] = f.EmptyShare,
            ["run.seconds"] = r.Elapsed.TotalSeconds,
        };
        foreach (var s in r.Stream.Students)
        {
            metrics[$"ap.{s.Name}"] = s.Quantized.Ap;
            metrics[$"ap.{s.Name}_float"] = s.Float.Ap;
            metrics[$"map.{s.Name}"] = s.Quantized.Ap50;
            metrics[$"map.{s.Name}_float"] = s.Float.Ap50;
        }
        foreach (var strategy in StrategyNames.All)
        {
            metrics[$"ap.strategy.{strategy.Key()}"] = r.Stream.Scores[strategy].Ap;
            metrics[$"map.strategy.{strategy.Key()}"] = r.Stream.Scores[strategy].Ap50;
            metrics[$"bytes.{strategy.Key()}"] = r.Stream.MeanBytes(strategy);
        }
        // JSON has no infinity: an unbounded band edge is left out rather than written as a fake number.
        return metrics.Where(kv => double.IsFinite(kv.Value)).ToDictionary();
    }
}
