namespace Platform.Core.Metrics;

/// <summary>A point on its way from an experiment to storage and live clients.</summary>
public readonly record struct MetricSample(Guid RunId, string Key, long Step, double Value, DateTimeOffset At);
