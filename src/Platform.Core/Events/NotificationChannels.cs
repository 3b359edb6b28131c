namespace Platform.Core.Events;

/// <summary>The PostgreSQL LISTEN/NOTIFY channels the processes of one deployment share.</summary>
public static class NotificationChannels
{
    /// <summary>A job became claimable; the payload is its id.</summary>
    public const string Jobs = "platform_jobs";

    /// <summary>A user asked to cancel a running job; the payload is its id. Its worker stops it at once.</summary>
    public const string Cancels = "platform_cancels";

    /// <summary>A run event encoded by <see cref="RunEventCodec"/>.</summary>
    public const string Events = "platform_events";
}
