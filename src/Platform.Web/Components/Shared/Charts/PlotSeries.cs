namespace Platform.Web.Components.Shared.Charts;

/// <summary>
/// One curve as the browser draws it. <see cref="Lo"/> and <see cref="Hi"/>, when present, are a band around it
/// (min–max or ± one standard deviation across seeds).
/// </summary>
public sealed record PlotSeries(string Name, double[] X, double[] Y, double[]? Lo = null, double[]? Hi = null)
{
    /// <summary>
    /// A fixed palette slot and line style (on compare, the run's position), so a run has one colour and dash on every
    /// chart of the page; null: the colour follows the name.
    /// </summary>
    public int? Slot { get; init; }

    public static PlotSeries From(string name, IReadOnlyList<double[]> points) =>
        new(name, [.. points.Select(p => p[0])], [.. points.Select(p => p[1])]);
}
