using Platform.Web.Studies;

namespace Platform.UnitTests.Studies;

public sealed class SweepRangeTests
{
    [Fact]
    public void A_linear_range_spaces_its_values_evenly_ends_included()
    {
        Assert.Equal(["0", "2.5", "5", "7.5", "10"], new SweepRange(0, 10, 5, Log: false).Values(integer: false));
    }

    [Fact]
    public void A_log_range_spaces_its_values_evenly_in_log()
    {
        Assert.Equal(["0.0001", "0.001", "0.01"], new SweepRange(1e-4, 1e-2, 3, Log: true).Values(integer: false));
    }

    [Fact]
    public void An_integer_field_gets_rounded_values_without_repeats()
    {
        // 1, 1.5, 2, 2.5, 3 round (away from zero) to 1, 2, 2, 3, 3.
        Assert.Equal(["1", "2", "3"], new SweepRange(1, 3, 5, Log: false).Values(integer: true));
    }

    [Theory]
    [InlineData(null, 10.0, 3, false, "both ends")]
    [InlineData(5.0, 5.0, 3, false, "below its end")]
    [InlineData(0.0, 10.0, 3, true, "above 0")]
    [InlineData(0.0, 10.0, 1, false, "between 2 and")]
    public void An_unusable_range_says_why_and_gives_no_values(double? min, double? max, int count, bool log, string reason)
    {
        var range = new SweepRange(min, max, count, log);

        Assert.Contains(reason, range.Error);
        Assert.Empty(range.Values(integer: false));
    }
}
