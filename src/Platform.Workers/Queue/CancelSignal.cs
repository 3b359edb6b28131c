using System.Collections.Concurrent;
using Platform.Core.Events;

namespace Platform.Workers.Queue;

/// <summary>Routes cancel notifications to the run they name, if it runs in this process.</summary>
public sealed class CancelSignal : INotificationHandler
{
    private readonly ConcurrentDictionary<Guid, Action> _watchers = new();

    public string Channel => NotificationChannels.Cancels;

    public IDisposable Watch(Guid runId, Action onCancel)
    {
        _watchers[runId] = onCancel;
        return new Unwatch(() => _watchers.TryRemove(runId, out _));
    }

    public void Signal(Guid runId)
    {
        if (_watchers.TryGetValue(runId, out var onCancel))
        {
            onCancel();
        }
    }

    void INotificationHandler.OnListening(bool resumed)
    {
        // A cancel sent while nobody listened reaches its run with the run's next heartbeat.
    }

    void INotificationHandler.OnNotification(string payload)
    {
        if (Guid.TryParse(payload, out var runId))
        {
            Signal(runId);
        }
    }

    private sealed class Unwatch(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
