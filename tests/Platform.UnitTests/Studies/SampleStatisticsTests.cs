using Platform.Web.Studies.Aggregation;

namespace Platform.UnitTests.Studies;

public sealed class SampleStatisticsTests
{
    [Fact]
    public void Mean_sd_and_t_interval_equal_a_hand_computation()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 40 / 8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32, s = sqrt(32 / 7);
        // t(0.975, 7) = 2.36462; half-width = 2.36462 × s / sqrt(8).
        var s = Math.Sqrt(32.0 / 7);
        var half = 2.36462 * s / Math.Sqrt(8);

        var statistics = SampleStatistics.Of([2, 4, 4, 4, 5, 5, 7, 9]);

        Assert.Equal(8, statistics.N);
        Assert.Equal(5, statistics.Mean!.Value, 12);
        Assert.Equal(2.138089935, statistics.StandardDeviation!.Value, 8);
        Assert.Equal(5 - half, statistics.CiLow!.Value, 10);
        Assert.Equal(5 + half, statistics.CiHigh!.Value, 10);
        Assert.Equal(3.2125, statistics.CiLow!.Value, 4);
    }

    [Fact]
    public void Two_values_use_t_with_one_degree_of_freedom_and_thirty_use_the_normal_value()
    {
        var two = SampleStatistics.Of([1, 3]);
        // s = sqrt(2), half-width = 12.7062 × sqrt(2) / sqrt(2).
        Assert.Equal(2 - 12.7062, two.CiLow!.Value, 10);

        var thirty = SampleStatistics.Of(Enumerable.Range(0, 30).Select(i => (double)(i % 2)));
        var s = Math.Sqrt(30 * 0.25 / 29);
        Assert.Equal(0.5 + (1.959964 * s / Math.Sqrt(30)), thirty.CiHigh!.Value, 10);
    }

    [Fact]
    public void One_value_has_a_mean_but_no_spread_and_non_finite_values_are_excluded_and_counted()
    {
        var one = SampleStatistics.Of([4, double.NaN]);

        Assert.Equal((1, 4.0, (double?)null, (double?)null, 1), (one.N, one.Mean!.Value, one.StandardDeviation, one.CiLow, one.Excluded));
        Assert.Equal(0, SampleStatistics.Of([]).N);
    }
}
