namespace Platform.Core.Events;

/// <summary>
/// Takes the notifications of one PostgreSQL channel from the <see cref="NotificationListener"/>. Called on the
/// listener's connection: return quickly and do not throw.
/// </summary>
public interface INotificationHandler
{
    /// <summary>One of <see cref="NotificationChannels"/>.</summary>
    string Channel { get; }

    /// <summary>
    /// The listener listens (again): <paramref name="resumed"/> is true after a lost connection, when notifications
    /// sent in between went unheard.
    /// </summary>
    void OnListening(bool resumed);

    void OnNotification(string payload);
}
