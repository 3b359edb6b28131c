namespace Platform.Web.Hubs;

/// <summary>What the hub sends to a client subscribed to a run.</summary>
public interface IRunsClient
{
    /// <summary>New points, in the order they were stored: [key, step, value] each.</summary>
    Task Metrics(MetricsMessage message);

    /// <summary>
    /// The run moved to another state: queued, claimed by a worker (<c>Running</c>, the message names the attempt and
    /// the worker), handed back, or ended (the message carries the error, if any). Only transitions: how far a running
    /// run is comes as <see cref="Progress"/>. A run that <c>Succeeded</c> is at progress 1.
    /// </summary>
    Task State(StateMessage message);

    /// <summary>A running run reported how far it is (a fraction in [0, 1]) and what it is doing. Never a state change.</summary>
    Task Progress(ProgressMessage message);

    Task Log(LogMessage message);

    /// <summary>
    /// Events may have been missed (the server lost its database connection for a while and is listening again):
    /// re-read the state and the points after the last step you hold from the REST API. Sent to every client.
    /// </summary>
    Task Resync();
}

public sealed record MetricsMessage(Guid RunId, IReadOnlyList<MetricPointMessage> Points);

public sealed record MetricPointMessage(string Key, long Step, double Value);

public sealed record StateMessage(Guid RunId, string State, string? Message);

public sealed record ProgressMessage(Guid RunId, double Progress, string? Message);

public sealed record LogMessage(Guid RunId, DateTimeOffset At, string Message);
