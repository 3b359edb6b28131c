namespace Platform.Core.Metrics;

/// <summary>One metric key of a run: points as [step, value] pairs in step order.</summary>
public sealed record MetricSeries(string Key, IReadOnlyList<double[]> Points);
