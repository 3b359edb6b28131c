namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>Mean and 95% Student-t half-width of repeated measurements (no interval from a single one).</summary>
public sealed record ConfidenceInterval(double Mean, double HalfWidth, int Count)
{
    // Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom.
    private static readonly double[] s_t95 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    public static ConfidenceInterval Of(IReadOnlyList<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var mean = values.Average();
        if (values.Count == 1)
        {
            return new ConfidenceInterval(mean, double.NaN, 1);
        }

        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        var degrees = values.Count - 1;
        var t = degrees <= s_t95.Length ? s_t95[degrees - 1] : 1.96;
        return new ConfidenceInterval(mean, t * Math.Sqrt(variance / values.Count), values.Count);
    }
}
