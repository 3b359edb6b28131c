using Platform.Core.Events;

namespace Platform.Web.Live;

/// <summary>
/// A page's live view of one run, a set of runs or all runs, from the in-process <see cref="RunEventBus"/>. It holds
/// events back until the page says its history is read (<see cref="HistoryLoaded"/>), then hands them over in batches,
/// at most one per interval (a frame, <see cref="Frame"/>, unless the page asks for less often) and never two at once,
/// on the page's dispatcher. A <see cref="LiveFeedResumed"/> becomes the batch's <see cref="LiveRunBatch.Resync"/>: the
/// page re-reads. The page disposes the feed with itself.
/// </summary>
/// <remarks>
/// Events arrive on the publisher's thread, which must never wait: they are only recorded there (after the page's
/// optional filter, so events a page ignores schedule no frame), and a timer from <see cref="TimeProvider"/> schedules
/// the frame. Following another run (<see cref="Follow(Guid)"/> again) drops what the old subscription left and holds
/// events again until the new history is read.
/// </remarks>
public sealed partial class LiveRunFeed : IDisposable
{
    /// <summary>One frame of a live view: at most ten renders a second, however fast events come.</summary>
    public static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(100);

    private readonly RunEventBus _bus;
    private readonly ILogger _logger;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly Func<LiveRunBatch, Task> _onBatch;
    private readonly Func<Exception, Task> _onError;
    private readonly Func<RunEvent, bool> _wants;
    private readonly TimeSpan _interval;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private List<RunEvent> _held = [];
    private List<RunEvent> _pending = [];
    private IDisposable? _subscription;
    private int _generation;
    private bool _resync;
    private bool _loaded;
    private bool _scheduled;
    private bool _disposed;

    /// <param name="dispatch">Runs work on the page's dispatcher: the component's <c>InvokeAsync</c>.</param>
    /// <param name="onBatch">Applies a batch and renders; called on the dispatcher, one batch at a time.</param>
    /// <param name="onError">Takes what <paramref name="onBatch"/> threw: the component's <c>DispatchExceptionAsync</c>.</param>
    /// <param name="interval">The least time between two batches; <see cref="Frame"/> when null.</param>
    /// <param name="wants">Which events the page takes, asked on the publisher's thread (quick, no waiting); all when null.</param>
    public LiveRunFeed(
        RunEventBus bus,
        TimeProvider time,
        ILogger<LiveRunFeed> logger,
        Func<Func<Task>, Task> dispatch,
        Func<LiveRunBatch, Task> onBatch,
        Func<Exception, Task> onError,
        TimeSpan? interval = null,
        Func<RunEvent, bool>? wants = null)
    {
        _bus = bus;
        _logger = logger;
        _dispatch = dispatch;
        _onBatch = onBatch;
        _onError = onError;
        _interval = interval ?? Frame;
        _wants = wants ?? (_ => true);
        _timer = time.CreateTimer(_ => _ = FlushAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Follows one run (instead of what the feed followed before) and holds its events until <see cref="HistoryLoaded"/>.</summary>
    public void Follow(Guid runId) => Start(handler => _bus.Subscribe(runId, handler));

    /// <summary>Follows a set of runs, and holds their events until <see cref="HistoryLoaded"/>.</summary>
    public void Follow(IReadOnlyCollection<Guid> runIds) => Start(handler => new Subscriptions(runIds.Distinct().Select(id => _bus.Subscribe(id, handler)).ToList()));

    /// <summary>Follows every run, and holds their events until <see cref="HistoryLoaded"/>.</summary>
    public void FollowAll() => Start(_bus.SubscribeAll);

    /// <summary>
    /// The page has read its history: what was held is handed over in the next frame, and from now on every event
    /// is. Events held may repeat what the history holds; the page tells them apart (by step, by time). Only the
    /// first call after <c>Follow</c> counts.
    /// </summary>
    public void HistoryLoaded()
    {
        lock (_gate)
        {
            if (_disposed || _loaded)
            {
                return;
            }

            _loaded = true;
            _pending.AddRange(_held);
            _held = [];
            ScheduleLocked();
        }
    }

    private void Start(Func<Action<RunEvent>, IDisposable> subscribe)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _subscription?.Dispose();
            var generation = ++_generation;
            _held = [];
            _pending = [];
            _resync = false;
            _loaded = false;
            _subscription = subscribe(e => Accept(e, generation));
        }
    }

    /// <summary>On the publisher's thread: records the event and schedules a frame, never renders.</summary>
    private void Accept(RunEvent runEvent, int generation)
    {
        var resumed = runEvent is LiveFeedResumed;
        if (!resumed && !_wants(runEvent))
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed || generation != _generation)
            {
                return;
            }

            if (resumed)
            {
                _resync = true;
            }
            else
            {
                (_loaded ? _pending : _held).Add(runEvent);
            }

            ScheduleLocked();
        }
    }

    /// <summary>Starts the frame timer unless a frame is already scheduled or running (that one reschedules when done).</summary>
    private void ScheduleLocked()
    {
        if (_loaded && !_scheduled && (_pending.Count > 0 || _resync))
        {
            _scheduled = true;
            _timer.Change(_interval, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task FlushAsync()
    {
        try
        {
            // The rest needs no dispatcher: it only schedules the next frame.
            await _dispatch(DeliverAsync).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Only when the page's dispatcher is gone (its circuit ended): the feed stops, as the page has.
            lock (_gate)
            {
                if (!_disposed)
                {
                    LogDispatchFailed(ex);
                }
            }

            return;
        }

        lock (_gate)
        {
            _scheduled = false;
            if (!_disposed)
            {
                // What arrived while the page applied the last batch waits a full frame, like everything else.
                ScheduleLocked();
            }
        }
    }

    private async Task DeliverAsync()
    {
        LiveRunBatch batch;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            batch = new LiveRunBatch(_pending, _resync);
            _pending = [];
            _resync = false;
        }

        if (batch.IsEmpty)
        {
            return;
        }

        try
        {
            await _onBatch(batch);
        }
        catch (Exception ex)
        {
            await _onError(ex);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _subscription?.Dispose();
            _subscription = null;
            _held = [];
            _pending = [];
        }

        _timer.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A live feed could not reach its page's dispatcher; it stops")]
    private partial void LogDispatchFailed(Exception exception);

    private sealed class Subscriptions(IReadOnlyList<IDisposable> subscriptions) : IDisposable
    {
        public void Dispose()
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}
