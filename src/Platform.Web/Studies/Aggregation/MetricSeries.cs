using System.Text.Json;

namespace Platform.Web.Studies.Aggregation;

/// <summary>
/// A summary metric against one swept parameter, the other swept parameters held at <see cref="Fixed"/>: one series per
/// combination of their values, points in ascending order of the parameter.
/// </summary>
public sealed record MetricSeries(string Parameter, string Metric, IReadOnlyDictionary<string, JsonElement> Fixed, IReadOnlyList<SeriesPoint> Points);

/// <summary>The metric's statistics at one value of the parameter.</summary>
public sealed record SeriesPoint(JsonElement X, SampleStatistics Statistics);
