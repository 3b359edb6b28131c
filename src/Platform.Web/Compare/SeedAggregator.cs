namespace Platform.Web.Compare;

/// <summary>
/// Mean and band of several runs' curves of one metric. Points are matched by step; a step some runs lack is
/// averaged over the runs that have it, so runs of different lengths still aggregate.
/// </summary>
public static class SeedAggregator
{
    public static AggregatedSeries Aggregate(IReadOnlyList<IReadOnlyList<(long Step, double Value)>> runs, BandKind band)
    {
        var byStep = new SortedDictionary<long, List<double>>();
        foreach (var run in runs)
        {
            foreach (var (step, value) in run)
            {
                if (double.IsNaN(value)) continue;
                if (!byStep.TryGetValue(step, out var values)) byStep[step] = values = [];
                values.Add(value);
            }
        }

        var count = byStep.Count;
        var result = new AggregatedSeries(new long[count], new double[count], new double[count], new double[count]);
        var i = 0;
        foreach (var (step, values) in byStep)
        {
            var mean = values.Average();
            var sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
            result.Steps[i] = step;
            result.Mean[i] = mean;
            result.Low[i] = band == BandKind.MinMax ? values.Min() : mean - sd;
            result.High[i] = band == BandKind.MinMax ? values.Max() : mean + sd;
            i++;
        }

        return result;
    }
}

/// <summary>Aligned arrays: at <c>Steps[i]</c> the mean of the runs and the band's edges.</summary>
public sealed record AggregatedSeries(long[] Steps, double[] Mean, double[] Low, double[] High)
{
    /// <summary>Every k-th point, so that at most <paramref name="maxPoints"/> remain (the last point is always kept).</summary>
    public AggregatedSeries Thin(int maxPoints)
    {
        if (Steps.Length <= maxPoints) return this;
        var keep = Enumerable.Range(0, maxPoints).Select(i => (int)((long)i * (Steps.Length - 1) / (maxPoints - 1))).Distinct().ToArray();
        return new AggregatedSeries([.. keep.Select(i => Steps[i])], [.. keep.Select(i => Mean[i])], [.. keep.Select(i => Low[i])], [.. keep.Select(i => High[i])]);
    }
}
