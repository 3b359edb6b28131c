namespace Platform.Core.Metrics;

/// <summary>Either a point or, when <see cref="FlushMarker"/> is set, a request to signal once all before it are stored.</summary>
public readonly record struct MetricEnvelope(MetricSample Sample, TaskCompletionSource? FlushMarker);
