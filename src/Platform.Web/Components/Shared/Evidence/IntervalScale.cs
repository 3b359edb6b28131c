namespace Platform.Web.Components.Shared.Evidence;

/// <summary>
/// The axis of a claim's interval plot: it spans the paper's band, our range and both values, so the two intervals
/// are drawn on one scale and can be compared by eye. A margin keeps a dot at either end inside the drawing.
/// </summary>
public sealed class IntervalScale
{
    private readonly double _low;
    private readonly double _high;
    private readonly double _width;
    private readonly double _margin;

    private IntervalScale(double low, double high, double width, double margin) => (_low, _high, _width, _margin) = (low, high, width, margin);

    /// <summary>Null when no value is finite: there is nothing to draw.</summary>
    public static IntervalScale? Spanning(double width, double margin, IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return null;
        }

        var (low, high) = (finite.Min(), finite.Max());
        if (low == high)
        {
            // A single value (an exact claim on its own band's edge) still needs an axis to sit on.
            var pad = low == 0 ? 1 : Math.Abs(low) * 0.1;
            (low, high) = (low - pad, high + pad);
        }

        return new IntervalScale(low, high, width, margin);
    }

    /// <summary>The horizontal position of <paramref name="value"/>, from the margin to the width less the margin.</summary>
    public double X(double value) => _margin + ((value - _low) / (_high - _low) * (_width - (2 * _margin)));
}
