namespace Platform.Core.Metrics;

/// <summary>One logged value. Rows are only ever written by <see cref="MetricCopyWriter"/>.</summary>
public sealed class MetricPoint
{
    /// <summary>Insertion order; breaks ties between points logged twice at one step.</summary>
    public long Id { get; init; }

    public required Guid RunId { get; init; }

    public required string Key { get; init; }

    public required long Step { get; init; }

    public required double Value { get; init; }

    public required DateTimeOffset At { get; init; }
}
