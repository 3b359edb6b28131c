using System.Text.Json;

namespace Platform.Web.Studies.Aggregation;

/// <summary>
/// Builds metric-vs-parameter series: for each swept parameter, the points are grouped by the values of the other swept
/// parameters, and each group of two or more points gives one series per metric. (With two sampled parameters every
/// group is a single point, so sampled sweeps give series only along a lone sampled parameter.)
/// </summary>
public static class SeriesBuilder
{
    public static IReadOnlyList<MetricSeries> Build(IReadOnlyList<PointAggregate> points)
    {
        if (points.Count < 2)
        {
            return [];
        }

        var parameters = points[0].Parameters.EnumerateObject().Select(p => p.Name).ToList();
        var series = new List<MetricSeries>();
        foreach (var parameter in parameters)
        {
            var others = parameters.Where(p => p != parameter).ToList();
            foreach (var group in points.GroupBy(p => Key(p.Parameters, others)).Where(g => g.Count() >= 2))
            {
                var ordered = Order(group.ToList(), parameter);
                var fixedValues = others.ToDictionary(o => o, o => group.First().Parameters.GetProperty(o).Clone());
                var metrics = ordered.SelectMany(p => p.Metrics.Select(m => m.Metric)).Distinct();
                series.AddRange(metrics.Select(metric => new MetricSeries(parameter, metric, fixedValues, [.. ordered
                    .Select(p => (Point: p, Metric: p.Metrics.FirstOrDefault(m => m.Metric == metric)))
                    .Where(x => x.Metric is not null)
                    .Select(x => new SeriesPoint(x.Point.Parameters.GetProperty(parameter).Clone(), x.Metric!.Statistics))])));
            }
        }

        return series;
    }

    private static string Key(JsonElement parameters, IReadOnlyList<string> fields) =>
        string.Join('\u001f', fields.Select(f => parameters.GetProperty(f).GetRawText()));

    /// <summary>Ascending when every value is a number; otherwise in the order the sweep declared them.</summary>
    private static List<PointAggregate> Order(List<PointAggregate> points, string parameter) =>
        points.All(p => p.Parameters.GetProperty(parameter).ValueKind == JsonValueKind.Number)
            ? [.. points.OrderBy(p => p.Parameters.GetProperty(parameter).GetDouble())]
            : points;
}
