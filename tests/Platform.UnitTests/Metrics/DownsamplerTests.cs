using Platform.Core.Metrics;

namespace Platform.UnitTests.Metrics;

public sealed class DownsamplerTests
{
    private static List<(long Step, double Value)> Wave(int count, int seed = 7)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => ((long)i * 10, Math.Sin(i / 50.0) + (random.NextDouble() * 0.1)))];
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(-5)]
    public void Rejects_fewer_than_three_points(int maxPoints)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Downsampler.Downsample(Wave(10), maxPoints));
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(5, 5)]
    [InlineData(10, 300)]
    public void Returns_every_point_unchanged_when_the_series_fits(int count, int maxPoints)
    {
        var points = Wave(count);

        var result = Downsampler.Downsample(points, maxPoints);

        Assert.Equal(points.Select(p => new[] { (double)p.Step, p.Value }), result);
    }

    [Theory]
    [InlineData(10_000, 300)]
    [InlineData(10_000, 100)]
    [InlineData(1_000, 999)]
    [InlineData(4, 3)]
    [InlineData(7, 5)]
    public void Returns_at_most_max_points_of_the_original_in_step_order(int count, int maxPoints)
    {
        var points = Wave(count);
        var original = points.ToDictionary(p => (double)p.Step, p => p.Value);

        var result = Downsampler.Downsample(points, maxPoints);

        Assert.InRange(result.Count, 1, maxPoints);
        Assert.All(result, p => Assert.Equal(original[p[0]], p[1]));
        Assert.All(result.Zip(result.Skip(1)), pair => Assert.True(pair.First[0] < pair.Second[0]));
        Assert.Equal([points[0].Step, points[0].Value], result[0]);
    }

    [Fact]
    public void Uses_most_of_the_budget_on_a_noisy_series()
    {
        var result = Downsampler.Downsample(Wave(10_000), 300);

        Assert.InRange(result.Count, 200, 300);
    }

    [Theory]
    [InlineData(4_321)]
    [InlineData(1)]
    [InlineData(9_999)]
    public void Keeps_a_single_spike_and_a_single_dip(int spikeAt)
    {
        var points = Enumerable.Range(0, 10_000).Select(i => ((long)i, 1.0)).ToList();
        points[spikeAt] = (spikeAt, 1_000.0);
        var dipAt = (spikeAt + 5_000) % 10_000;
        points[dipAt] = (dipAt, -1_000.0);

        var result = Downsampler.Downsample(points, 300);

        Assert.Contains(result, p => p[0] == spikeAt && p[1] == 1_000.0);
        Assert.Contains(result, p => p[0] == dipAt && p[1] == -1_000.0);
    }

    [Fact]
    public void Keeps_the_global_minimum_and_maximum()
    {
        var points = Wave(50_000, seed: 11);

        var result = Downsampler.Downsample(points, 120);

        Assert.Equal(points.Max(p => p.Value), result.Max(p => p[1]));
        Assert.Equal(points.Min(p => p.Value), result.Min(p => p[1]));
    }

    [Fact]
    public void Keeps_a_spike_in_a_bucket_that_starts_with_nan()
    {
        var points = Enumerable.Range(0, 100).Select(i => ((long)i, (double)i)).ToList();
        points[0] = (0, double.NaN);
        points[50] = (50, 1_000.0);

        var result = Downsampler.Downsample(points, 3);

        Assert.Contains(result, p => p[0] == 50 && p[1] == 1_000.0);
    }
}
