namespace Platform.Web.Hubs;

/// <summary>What the hub sends to a client subscribed to a run.</summary>
public interface IRunsClient
{
    /// <summary>New points, in the order they were stored: [key, step, value] each.</summary>
    Task Metrics(MetricsMessage message);

    Task State(StateMessage message);

    Task Log(LogMessage message);

    /// <summary>
    /// Events may have been missed (the server lost its database connection for a while and is listening again):
    /// re-read the state and the points after the last step you hold from the REST API. Sent to every client.
    /// </summary>
    Task Resync();
}

public sealed record MetricsMessage(Guid RunId, IReadOnlyList<MetricPointMessage> Points);

public sealed record MetricPointMessage(string Key, long Step, double Value);

public sealed record StateMessage(Guid RunId, string State, double Progress, string? Message);

public sealed record LogMessage(Guid RunId, DateTimeOffset At, string Message);
