namespace Platform.Core.Workers;

/// <summary>A live worker as the dashboard and the API show it; the age is measured by the database's clock.</summary>
public sealed record WorkerDto(
    string Id,
    string Role,
    string Host,
    int Capacity,
    int Running,
    string Version,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    double SecondsSinceHeartbeat,
    IReadOnlyList<Guid> RunningRuns);
