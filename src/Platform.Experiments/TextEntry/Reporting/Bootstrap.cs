namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>
/// Percentile bootstrap over phrases: resample the phrase indices with replacement and recompute each statistic,
/// all statistics on the same resamples so paired comparisons keep their pairing.
/// </summary>
public static class Bootstrap
{
    public static IReadOnlyList<(double Low, double High)> Intervals(
        int count, int samples, Random random, IReadOnlyList<Func<int[], double>> statistics, double level = 0.95)
    {
        var values = statistics.Select(_ => new List<double>(samples)).ToArray();
        var indices = new int[count];
        for (var s = 0; s < samples; s++)
        {
            for (var i = 0; i < count; i++)
            {
                indices[i] = random.Next(count);
            }

            for (var k = 0; k < statistics.Count; k++)
            {
                var value = statistics[k](indices);
                if (double.IsFinite(value))
                {
                    values[k].Add(value);
                }
            }
        }

        var tail = (1 - level) / 2;
        return [.. values.Select(v => v.Count == 0 ? (double.NaN, double.NaN) : (Quantile(v, tail), Quantile(v, 1 - tail)))];
    }

    private static double Quantile(List<double> values, double q)
    {
        values.Sort();
        var position = q * (values.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, values.Count - 1);
        return values[below] + (position - below) * (values[above] - values[below]);
    }
}
