using System.Collections.Concurrent;

namespace Platform.Workers.Queue;

/// <summary>Routes cancel notifications to the run they name, if it runs in this process.</summary>
public sealed class CancelSignal
{
    private readonly ConcurrentDictionary<Guid, Action> _watchers = new();

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

    private sealed class Unwatch(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
