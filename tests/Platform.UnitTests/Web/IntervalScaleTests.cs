using Platform.Web.Components.Shared.Evidence;

namespace Platform.UnitTests.Web;

public sealed class IntervalScaleTests
{
    [Fact]
    public void The_axis_spans_every_value_from_margin_to_margin()
    {
        var scale = IntervalScale.Spanning(140, 5, [27, 33, 20, 37, 30, 29.1])!;
        Assert.Equal(5, scale.X(20), 9);
        Assert.Equal(135, scale.X(37), 9);
        Assert.Equal(5 + (130 * 7.0 / 17), scale.X(27), 9);
    }

    [Fact]
    public void A_single_value_sits_in_the_middle_and_non_finite_values_are_left_out()
    {
        var scale = IntervalScale.Spanning(100, 0, [2, double.NaN, double.PositiveInfinity])!;
        Assert.Equal(50, scale.X(2), 9);
        Assert.Null(IntervalScale.Spanning(100, 0, [double.NaN]));
    }
}
