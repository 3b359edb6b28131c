namespace Platform.Web.Studies.Aggregation;

/// <summary>
/// Mean, sample standard deviation (n − 1) and 95% confidence interval of the mean of <see cref="N"/> finite values
/// (see <see cref="StudentT"/>); the deviation and interval are null below two values. <see cref="Excluded"/> counts
/// values left out because they were not finite (a diverged run).
/// </summary>
public sealed record SampleStatistics(int N, double? Mean, double? StandardDeviation, double? CiLow, double? CiHigh, int Excluded = 0)
{
    public static SampleStatistics Of(IEnumerable<double> values)
    {
        var all = values.ToList();
        var finite = all.Where(double.IsFinite).ToList();
        var excluded = all.Count - finite.Count;
        if (finite.Count == 0)
        {
            return new SampleStatistics(0, null, null, null, null, excluded);
        }

        var mean = finite.Average();
        if (finite.Count == 1)
        {
            return new SampleStatistics(1, mean, null, null, null, excluded);
        }

        var sd = Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Count - 1));
        var half = StudentT.Critical95(finite.Count) * sd / Math.Sqrt(finite.Count);
        return new SampleStatistics(finite.Count, mean, sd, mean - half, mean + half, excluded);
    }
}
