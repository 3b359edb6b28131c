using System.Collections.Concurrent;

namespace Platform.Workers.Queue;

/// <summary>Routes cancel notifications to the run they name, if it runs in this process.</summary>
public sealed class CancelSignal
{
    private readonly ConcurrentDictionary<Guid, Action> _watchers = new();

    public IDisposable Watch(Guid jobId, Action onCancel)
    {
        _watchers[jobId] = onCancel;
        return new Unwatch(() => _watchers.TryRemove(jobId, out _));
    }

    public void Signal(Guid jobId)
    {
        if (_watchers.TryGetValue(jobId, out var onCancel))
        {
            onCancel();
        }
    }

    private sealed class Unwatch(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
