using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Platform.Core.Events;

/// <summary>
/// In-process publish/subscribe of run events. Blazor circuits and the SignalR forwarder subscribe here; the
/// metric pump, the queue and the cross-process listener publish. Handlers must be quick and never block.
/// </summary>
public sealed class RunEventBus(ILogger<RunEventBus> logger)
{
    private readonly ConcurrentDictionary<Guid, ImmutableList<Action<RunEvent>>> _byRun = new();
    private ImmutableList<Action<RunEvent>> _all = [];

    public IDisposable Subscribe(Guid runId, Action<RunEvent> handler)
    {
        _byRun.AddOrUpdate(runId, _ => [handler], (_, list) => list.Add(handler));
        return new Subscription(() =>
        {
            while (_byRun.TryGetValue(runId, out var list))
            {
                var next = list.Remove(handler);
                var done = next.IsEmpty
                    ? _byRun.TryRemove(new KeyValuePair<Guid, ImmutableList<Action<RunEvent>>>(runId, list))
                    : _byRun.TryUpdate(runId, next, list);
                if (done)
                {
                    return;
                }
            }
        });
    }

    public IDisposable SubscribeAll(Action<RunEvent> handler)
    {
        ImmutableInterlocked.Update(ref _all, list => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref _all, list => list.Remove(handler)));
    }

    public void Publish(RunEvent runEvent)
    {
        foreach (var handler in Volatile.Read(ref _all))
        {
            Invoke(handler, runEvent);
        }

        if (runEvent is LiveFeedResumed)
        {
            foreach (var handler in _byRun.Values.SelectMany(h => h))
            {
                Invoke(handler, runEvent);
            }
        }
        else if (_byRun.TryGetValue(runEvent.RunId, out var handlers))
        {
            foreach (var handler in handlers)
            {
                Invoke(handler, runEvent);
            }
        }
    }

    private void Invoke(Action<RunEvent> handler, RunEvent runEvent)
    {
        try
        {
            handler(runEvent);
        }
        catch (Exception ex)
        {
            // One broken subscriber must not stop delivery to the others or fail the publisher.
            logger.LogWarning(ex, "A run event subscriber failed for run {RunId}", runEvent.RunId);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
