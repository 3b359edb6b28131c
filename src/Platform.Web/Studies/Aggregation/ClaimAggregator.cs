using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Web.Components.Shared.Evidence;

namespace Platform.Web.Studies.Aggregation;

/// <summary>
/// Aggregates one claim over seeds. The interval judged is the 95% interval of the mean measured value (the mean itself
/// for one seed), widened on each side by how far the assumptions' plausible ranges move the value on average
/// (<c>range.low − measured</c> and <c>range.high − measured</c> over the seeds): seed noise and assumption
/// uncertainty both count. The verdict then follows <see cref="Verdicts.Judge"/>, the rule every run uses: Supported only
/// if the whole interval lies inside the paper's band, Contradicted if wholly outside, Inconclusive otherwise. With one
/// seed this is exactly the run's own range and verdict.
/// </summary>
public static class ClaimAggregator
{
    public static ClaimAggregate Aggregate(IReadOnlyList<ClaimView> perSeed)
    {
        var first = perSeed[0];
        var measured = perSeed.Where(c => c.MeasuredValue is not null).Select(c => c.MeasuredValue!.Value).ToList();
        var statistics = SampleStatistics.Of(measured);
        if (first.Basis != ClaimBasis.Predicted || first.Band is not { } band || statistics.Mean is not { } mean
            || statistics.Excluded > 0)
        {
            return new ClaimAggregate(first.Claim, first.Basis, first.Unit, first.PaperValue, first.Band, statistics, null, null);
        }

        var withRange = perSeed.Where(c => c.MeasuredValue is { } m && double.IsFinite(m) && c.Range is not null).ToList();
        var below = withRange.Count == 0 ? 0 : withRange.Average(c => Math.Min(0, c.Range!.Low - c.MeasuredValue!.Value));
        var above = withRange.Count == 0 ? 0 : withRange.Average(c => Math.Max(0, c.Range!.High - c.MeasuredValue!.Value));
        var range = new Interval((statistics.CiLow ?? mean) + below, (statistics.CiHigh ?? mean) + above);
        var verdict = Verdicts.Judge(new Bounds(range.Low, range.High), new Bounds(band.Low, band.High));
        return new ClaimAggregate(first.Claim, first.Basis, first.Unit, first.PaperValue, band, statistics, range, verdict);
    }
}
