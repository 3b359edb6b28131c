namespace Platform.Core.Workers;

/// <summary>A worker process as it last reported itself.</summary>
public sealed class WorkerRecord
{
    public required string Id { get; init; }

    public required string Role { get; init; }

    public required string Host { get; init; }

    public int Capacity { get; init; }

    public int Running { get; init; }

    public required string Version { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset HeartbeatAt { get; init; }
}
