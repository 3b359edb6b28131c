using Platform.Web.Compare;

namespace Platform.UnitTests.Web;

public sealed class SeedAggregatorTests
{
    private static readonly IReadOnlyList<(long, double)>[] s_runs =
    [
        [(0, 1.0), (1, 2.0), (2, 3.0)],
        [(0, 3.0), (1, 4.0)],
        [(0, 5.0), (1, 6.0), (2, double.NaN)],
    ];

    [Fact]
    public void The_mean_and_min_max_band_are_taken_over_the_runs_that_have_each_step()
    {
        var series = SeedAggregator.Aggregate(s_runs, BandKind.MinMax);

        Assert.Equal([0L, 1, 2], series.Steps);
        Assert.Equal([3.0, 4.0, 3.0], series.Mean);
        Assert.Equal([1.0, 2.0, 3.0], series.Low);
        Assert.Equal([5.0, 6.0, 3.0], series.High);
    }

    [Fact]
    public void The_standard_deviation_band_is_the_sample_deviation_around_the_mean()
    {
        var series = SeedAggregator.Aggregate(s_runs, BandKind.StandardDeviation);

        Assert.Equal(1.0, series.Low[0], 12);  // values 1, 3, 5: mean 3, s.d. 2
        Assert.Equal(5.0, series.High[0], 12);
        Assert.Equal(3.0, series.Low[2], 12);  // one value: no spread
    }

    [Fact]
    public void Thinning_keeps_the_first_and_last_point_and_at_most_the_budget()
    {
        var steps = Enumerable.Range(0, 1000).Select(i => (long)i).ToArray();
        var values = steps.Select(s => (double)s).ToArray();
        var thin = new AggregatedSeries(steps, values, values, values).Thin(100);

        Assert.True(thin.Steps.Length <= 100);
        Assert.Equal(0, thin.Steps[0]);
        Assert.Equal(999, thin.Steps[^1]);
    }
}
