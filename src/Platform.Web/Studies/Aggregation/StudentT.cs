namespace Platform.Web.Studies.Aggregation;

/// <summary>
/// The two-sided 95% critical value for a mean of <c>n</c> values: Student's t with n − 1 degrees of freedom for n &lt; 30,
/// the normal 1.96 from 30 on (where t is within 2.5% of it).
/// </summary>
public static class StudentT
{
    // t(0.975, df) for df = 1..29, to six significant figures.
    private static readonly double[] s_quantiles =
    [
        12.7062, 4.30265, 3.18245, 2.77645, 2.57058, 2.44691, 2.36462, 2.30600, 2.26216, 2.22814,
        2.20099, 2.17881, 2.16037, 2.14479, 2.13145, 2.11991, 2.10982, 2.10092, 2.09302, 2.08596,
        2.07961, 2.07387, 2.06866, 2.06390, 2.05954, 2.05553, 2.05183, 2.04841, 2.04523,
    ];

    public const double Normal975 = 1.959964;

    /// <summary>The critical value for <paramref name="n"/> values (n ≥ 2).</summary>
    public static double Critical95(int n) =>
        n < 2 ? throw new ArgumentOutOfRangeException(nameof(n), n, "A confidence interval needs at least two values.")
        : n < 30 ? s_quantiles[n - 2]
        : Normal975;
}
