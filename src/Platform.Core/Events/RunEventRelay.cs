using Microsoft.Extensions.Logging;

namespace Platform.Core.Events;

/// <summary>
/// The live feed from other processes: re-publishes their run events to this process's <see cref="RunEventBus"/>,
/// and tells its subscribers to re-read what they missed after the listener lost its connection.
/// </summary>
public sealed partial class RunEventRelay(RunEventBus bus, InstanceIdentity instance, ILogger<RunEventRelay> logger) : INotificationHandler
{
    public string Channel => NotificationChannels.Events;

    public void OnListening(bool resumed)
    {
        if (resumed)
        {
            bus.Publish(new LiveFeedResumed());
        }
    }

    public void OnNotification(string payload)
    {
        try
        {
            if (!RunEventCodec.IsFrom(payload, instance.Id) && RunEventCodec.Decode(payload) is { } decoded && decoded.Origin != instance.Id)
            {
                bus.Publish(decoded.Event);
            }
        }
        catch (System.Text.Json.JsonException ex)
        {
            LogBadPayload(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed run event notification")]
    private partial void LogBadPayload(Exception exception);
}
