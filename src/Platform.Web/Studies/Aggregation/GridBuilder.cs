using System.Text.Json;

namespace Platform.Web.Studies.Aggregation;

/// <summary>
/// For a study that sweeps exactly two parameters, each metric as a grid over their values (a heatmap). With more swept
/// parameters a cell would mix points, so there is none; with a sampled sweep most cells are empty, which the grid shows.
/// </summary>
public static class GridBuilder
{
    public static IReadOnlyList<MetricGrid> Build(IReadOnlyList<PointAggregate> points)
    {
        if (points.Count < 2 || points[0].Parameters.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var parameters = points[0].Parameters.EnumerateObject().Select(p => p.Name).ToList();
        if (parameters.Count != 2)
        {
            return [];
        }

        var (xName, yName) = (parameters[0], parameters[1]);
        var x = Values(points, xName);
        var y = Values(points, yName);
        var metrics = points.SelectMany(p => p.Metrics.Select(m => m.Metric)).Distinct();
        return [.. metrics.Select(metric => Grid(points, metric, xName, yName, x, y))];
    }

    private static MetricGrid Grid(
        IReadOnlyList<PointAggregate> points, string metric, string xName, string yName, List<JsonElement> x, List<JsonElement> y)
    {
        var mean = y.Select(_ => new double?[x.Count]).ToArray();
        var n = y.Select(_ => new int[x.Count]).ToArray();
        foreach (var point in points)
        {
            if (point.Metrics.FirstOrDefault(m => m.Metric == metric) is not { } aggregate)
            {
                continue;
            }

            var i = y.FindIndex(v => Same(v, point.Parameters.GetProperty(yName)));
            var j = x.FindIndex(v => Same(v, point.Parameters.GetProperty(xName)));
            mean[i][j] = aggregate.Statistics.Mean;
            n[i][j] = aggregate.Statistics.N;
        }

        return new MetricGrid(xName, yName, metric, x, y, mean, n);
    }

    /// <summary>The parameter's distinct values: ascending when all are numbers, else in the sweep's order.</summary>
    private static List<JsonElement> Values(IReadOnlyList<PointAggregate> points, string parameter)
    {
        var values = new List<JsonElement>();
        foreach (var value in points.Select(p => p.Parameters.GetProperty(parameter)))
        {
            if (!values.Any(v => Same(v, value)))
            {
                values.Add(value.Clone());
            }
        }

        return values.All(v => v.ValueKind == JsonValueKind.Number) ? [.. values.OrderBy(v => v.GetDouble())] : values;
    }

    private static bool Same(JsonElement a, JsonElement b) => a.GetRawText() == b.GetRawText();
}
