using System.Globalization;
using System.Text;

namespace Platform.Web.Components.Shared;

/// <summary>Maps a series onto an SVG viewport; the chart component only draws what this computes.</summary>
public sealed class ChartGeometry
{
    public const double Width = 600;
    public const double Height = 220;
    public const double Left = 64;
    public const double Right = 12;
    public const double Top = 12;
    public const double Bottom = 28;

    private ChartGeometry(double minX, double maxX, double minY, double maxY, string polyline)
    {
        MinX = minX;
        MaxX = maxX;
        MinY = minY;
        MaxY = maxY;
        Polyline = polyline;
    }

    public double MinX { get; }

    public double MaxX { get; }

    public double MinY { get; }

    public double MaxY { get; }

    /// <summary>The SVG <c>points</c> attribute of the line.</summary>
    public string Polyline { get; }

    public static ChartGeometry Of(IReadOnlyList<double[]> points)
    {
        var finite = points.Where(p => double.IsFinite(p[1])).ToList();
        if (finite.Count == 0)
        {
            return new ChartGeometry(0, 1, 0, 1, "");
        }

        double minX = finite.Min(p => p[0]), maxX = finite.Max(p => p[0]);
        double minY = finite.Min(p => p[1]), maxY = finite.Max(p => p[1]);
        // A flat series or a single point still needs a non-empty range to be drawn.
        if (maxX == minX) { minX -= 1; maxX += 1; }
        if (maxY == minY) { var pad = Math.Abs(minY) * 0.05 + 1e-9; minY -= pad; maxY += pad; }

        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var line = new StringBuilder(finite.Count * 14);
        foreach (var p in finite)
        {
            var x = Left + (p[0] - minX) / (maxX - minX) * plotWidth;
            var y = Top + (1 - (p[1] - minY) / (maxY - minY)) * plotHeight;
            line.Append(x.ToString("F1", CultureInfo.InvariantCulture)).Append(',')
                .Append(y.ToString("F1", CultureInfo.InvariantCulture)).Append(' ');
        }

        return new ChartGeometry(minX, maxX, minY, maxY, line.ToString().TrimEnd());
    }

    public static string Format(double value) => Math.Abs(value) switch
    {
        0 => "0",
        >= 1e5 or < 1e-3 => value.ToString("0.##e0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
