using System.Text.Json;
using Platform.Web.Studies.Aggregation;

namespace Platform.Web.Components.Pages.Studies;

/// <summary>
/// What <c>platformCharts.studySeries</c> draws: a metric's mean against a swept parameter with its 95% interval as a band
/// (points with one seed have no band). Numbers only on the x axis when every value is a number, else categories.
/// </summary>
public sealed record StudyChartSpec(string Title, string XTitle, IReadOnlyList<object> X, IReadOnlyList<double?> Mean,
    IReadOnlyList<double?> Low, IReadOnlyList<double?> High)
{
    public static StudyChartSpec Of(MetricSeries series)
    {
        var fixedText = series.Fixed.Count == 0 ? "" : " (" + string.Join(", ", series.Fixed.Select(f => $"{f.Key} = {f.Value}")) + ")";
        return new StudyChartSpec(
            $"{series.Metric} vs {series.Parameter}{fixedText}",
            series.Parameter,
            [.. series.Points.Select(p => p.X.ValueKind == JsonValueKind.Number ? (object)p.X.GetDouble() : p.X.ToString())],
            [.. series.Points.Select(p => p.Statistics.Mean)],
            [.. series.Points.Select(p => p.Statistics.CiLow ?? p.Statistics.Mean)],
            [.. series.Points.Select(p => p.Statistics.CiHigh ?? p.Statistics.Mean)]);
    }
}
