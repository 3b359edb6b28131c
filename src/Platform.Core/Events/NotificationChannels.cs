namespace Platform.Core.Events;

/// <summary>The PostgreSQL LISTEN/NOTIFY channels the processes of one deployment share.</summary>
public static class NotificationChannels
{
    /// <summary>A run became claimable; the payload is its id.</summary>
    public const string Runs = "platform_runs";

    /// <summary>A user asked to cancel a running run; the payload is its id. Its worker stops it at once.</summary>
    public const string Cancels = "platform_cancels";

    /// <summary>A run event encoded by <see cref="RunEventCodec"/>.</summary>
    public const string Events = "platform_events";
}
