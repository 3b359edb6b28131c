namespace Platform.TestSupport;

/// <summary>A clock a test moves by hand. Its timers fire, on the test's thread, as <see cref="Advance"/> passes them.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Timers due now or later (started and not disposed).</summary>
    public int ActiveTimers => _timers.Count(t => t.Due is not null);

    public void Advance(TimeSpan by)
    {
        var end = _now + by;
        while (_timers.Where(t => t.Due <= end).OrderBy(t => t.Due).FirstOrDefault() is { } next)
        {
            _now = next.Due!.Value;
            next.Fire();
        }

        _now = end;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
            _period = period;
            return true;
        }

        public void Fire()
        {
            Due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : Due + _period;
            callback(state);
        }

        public void Dispose()
        {
            Due = null;
            clock._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
