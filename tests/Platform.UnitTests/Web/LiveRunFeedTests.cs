using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Events;
using Platform.Core.Metrics;
using Platform.Core.Runs;
using Platform.TestSupport;
using Platform.Web.Live;

namespace Platform.UnitTests.Web;

/// <summary>
/// The live feed every live page uses, without a browser: a manual clock drives its frames and the "dispatcher" runs
/// work at once, so each test says exactly when a page would render and with what.
/// </summary>
public sealed class LiveRunFeedTests : IDisposable
{
    private static readonly TimeSpan s_frame = LiveRunFeed.Frame;
    private static readonly Guid s_run = Guid.NewGuid();

    private readonly RunEventBus _bus = new(NullLogger<RunEventBus>.Instance);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));
    private readonly List<LiveRunBatch> _batches = [];
    private readonly List<Exception> _errors = [];
    private int _dispatches;
    private Func<LiveRunBatch, Task>? _onBatch;
    private LiveRunFeed? _feed;

    private LiveRunFeed Feed(TimeSpan? interval = null, Func<RunEvent, bool>? wants = null) =>
        _feed = new LiveRunFeed(_bus, _clock, NullLogger<LiveRunFeed>.Instance,
            work =>
            {
                // Like a page's dispatcher, at once; without the test framework's context, so awaits resume inline.
                _dispatches++;
                var context = SynchronizationContext.Current;
                SynchronizationContext.SetSynchronizationContext(null);
                try
                {
                    return work();
                }
                finally
                {
                    SynchronizationContext.SetSynchronizationContext(context);
                }
            },
            batch =>
            {
                _batches.Add(batch);
                return _onBatch?.Invoke(batch) ?? Task.CompletedTask;
            },
            ex =>
            {
                _errors.Add(ex);
                return Task.CompletedTask;
            },
            interval, wants);

    private static MetricsAppended Point(Guid run, long step) =>
        new(run, [new MetricSample(run, "loss", step, step * 0.5, DateTimeOffset.UnixEpoch)]);

    private static long StepOf(RunEvent runEvent) => Assert.Single(Assert.IsType<MetricsAppended>(runEvent).Samples).Step;

    [Fact]
    public void Holds_events_until_the_history_is_loaded_then_hands_them_over_in_order_in_the_next_frame()
    {
        var feed = Feed();
        feed.Follow(s_run);
        _bus.Publish(Point(s_run, 0));
        _bus.Publish(new RunStateChanged(s_run, RunState.Running, "Attempt 1 on w"));
        _bus.Publish(Point(s_run, 1));

        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(_batches);

        feed.HistoryLoaded();
        _clock.Advance(s_frame - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_batches);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        var batch = Assert.Single(_batches);
        Assert.False(batch.Resync);
        Assert.Collection(batch.Events,
            e => Assert.Equal(0, StepOf(e)),
            e => Assert.IsType<RunStateChanged>(e),
            e => Assert.Equal(1, StepOf(e)));
    }

    [Fact]
    public void Hands_over_every_event_of_a_frame_in_one_batch_through_the_dispatcher()
    {
        var feed = Feed();
        feed.Follow(s_run);
        feed.HistoryLoaded();

        for (var step = 0; step < 100; step++)
        {
            _bus.Publish(Point(s_run, step));
            _bus.Publish(new RunProgressed(s_run, step / 100.0, null));
        }

        _clock.Advance(s_frame);
        _bus.Publish(Point(s_run, 100));
        _clock.Advance(s_frame / 2);
        Assert.Single(_batches);
        _clock.Advance(s_frame / 2);

        Assert.Equal(2, _batches.Count);
        Assert.Equal(200, _batches[0].Events.Count);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), _batches[0].Events.OfType<MetricsAppended>().Select(StepOf));
        Assert.Equal(100, StepOf(Assert.Single(_batches[1].Events)));
        Assert.Equal(2, _dispatches);
    }

    [Fact]
    public void A_quiet_feed_renders_nothing()
    {
        var feed = Feed();
        feed.Follow(s_run);
        feed.HistoryLoaded();

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(_batches);
        Assert.Equal(0, _dispatches);
    }

    [Fact]
    public void Waits_for_a_slow_batch_before_handing_over_the_next()
    {
        var feed = Feed();
        feed.Follow(s_run);
        feed.HistoryLoaded();
        var slow = new TaskCompletionSource();
        _onBatch = _ => _batches.Count == 1 ? slow.Task : Task.CompletedTask;
        _bus.Publish(Point(s_run, 0));
        _clock.Advance(s_frame);
        Assert.Single(_batches);

        // The page is still applying the first batch (say, re-reading the database) while more events come.
        _bus.Publish(Point(s_run, 1));
        _clock.Advance(s_frame * 5);
        Assert.Single(_batches);

        slow.SetResult();
        _clock.Advance(s_frame);

        Assert.Equal(2, _batches.Count);
        Assert.Equal(1, StepOf(Assert.Single(_batches[1].Events)));
    }

    [Fact]
    public void A_resumed_feed_asks_for_one_re_read_however_many_subscriptions_heard_it()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var feed = Feed();
        feed.Follow([first, second]);
        feed.HistoryLoaded();

        _bus.Publish(new LiveFeedResumed());
        _bus.Publish(new LiveFeedResumed());
        _clock.Advance(s_frame);

        var batch = Assert.Single(_batches);
        Assert.True(batch.Resync);
        Assert.Empty(batch.Events);
    }

    [Fact]
    public void A_resume_heard_while_the_history_loads_still_asks_for_a_re_read_after_it()
    {
        var feed = Feed();
        feed.Follow(s_run);
        _bus.Publish(new LiveFeedResumed());
        _clock.Advance(s_frame * 3);
        Assert.Empty(_batches);

        feed.HistoryLoaded();
        _clock.Advance(s_frame);

        Assert.True(Assert.Single(_batches).Resync);
    }

    [Fact]
    public void Follows_one_run_a_set_of_runs_or_all_of_them()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var feed = Feed();

        feed.Follow(a);
        feed.HistoryLoaded();
        PublishToEach();
        Assert.Equal([a], _batches[^1].Events.Select(e => e.RunId));

        feed.Follow([a, b]);
        feed.HistoryLoaded();
        PublishToEach();
        Assert.Equal([a, b], _batches[^1].Events.Select(e => e.RunId));

        feed.FollowAll();
        feed.HistoryLoaded();
        PublishToEach();
        Assert.Equal([a, b, c], _batches[^1].Events.Select(e => e.RunId));
        Assert.Equal(3, _batches.Count);

        void PublishToEach()
        {
            foreach (var run in new[] { a, b, c })
            {
                _bus.Publish(new RunStateChanged(run, RunState.Queued, null));
            }

            _clock.Advance(s_frame);
        }
    }

    [Fact]
    public void Following_another_run_drops_what_the_old_one_left_and_holds_again()
    {
        var other = Guid.NewGuid();
        var feed = Feed();
        feed.Follow(s_run);
        feed.HistoryLoaded();
        _bus.Publish(Point(s_run, 0));

        feed.Follow(other);
        _bus.Publish(Point(s_run, 1));
        _bus.Publish(Point(other, 7));
        _clock.Advance(s_frame * 3);
        Assert.Empty(_batches);

        feed.HistoryLoaded();
        _clock.Advance(s_frame);

        var batch = Assert.Single(_batches);
        Assert.Equal(other, Assert.Single(batch.Events).RunId);
        Assert.Equal(7, StepOf(batch.Events[0]));
    }

    [Fact]
    public void Events_the_page_does_not_want_schedule_no_frame()
    {
        var feed = Feed(wants: e => e is RunStateChanged);
        feed.FollowAll();
        feed.HistoryLoaded();

        _bus.Publish(Point(s_run, 0));
        _bus.Publish(new RunProgressed(s_run, 0.5, "half"));
        _bus.Publish(new RunLogWritten(s_run, DateTimeOffset.UnixEpoch, "line"));
        _clock.Advance(s_frame * 3);
        Assert.Equal(0, _dispatches);

        _bus.Publish(new RunStateChanged(s_run, RunState.Succeeded, null));
        _bus.Publish(new LiveFeedResumed());
        _clock.Advance(s_frame);

        var batch = Assert.Single(_batches);
        Assert.IsType<RunStateChanged>(Assert.Single(batch.Events));
        Assert.True(batch.Resync);
    }

    [Fact]
    public void A_page_that_asks_for_a_longer_interval_gets_at_most_one_batch_per_interval()
    {
        var feed = Feed(interval: TimeSpan.FromSeconds(1));
        feed.FollowAll();
        feed.HistoryLoaded();

        for (var i = 0; i < 30; i++)
        {
            _bus.Publish(new RunStateChanged(Guid.NewGuid(), RunState.Queued, null));
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(3, _batches.Count);
        Assert.All(_batches, b => Assert.Equal(10, b.Events.Count));
    }

    [Fact]
    public void A_failing_batch_goes_to_the_page_and_the_feed_goes_on()
    {
        var feed = Feed();
        feed.Follow(s_run);
        feed.HistoryLoaded();
        _onBatch = _ => _batches.Count == 1 ? throw new InvalidOperationException("render failed") : Task.CompletedTask;

        _bus.Publish(Point(s_run, 0));
        _clock.Advance(s_frame);
        _bus.Publish(Point(s_run, 1));
        _clock.Advance(s_frame);

        Assert.Equal("render failed", Assert.Single(_errors).Message);
        Assert.Equal(2, _batches.Count);
    }

    [Fact]
    public void Disposing_unsubscribes_and_cancels_the_frame_in_flight()
    {
        var feed = Feed();
        feed.Follow(s_run);
        feed.HistoryLoaded();
        _bus.Publish(Point(s_run, 0));

        feed.Dispose();
        feed.Dispose();
        _bus.Publish(Point(s_run, 1));
        _bus.Publish(new LiveFeedResumed());
        _clock.Advance(s_frame * 5);

        Assert.Empty(_batches);
        Assert.Equal(0, _clock.ActiveTimers);
        Assert.Throws<ObjectDisposedException>(() => feed.Follow(s_run));
    }

    public void Dispose() => _feed?.Dispose();
}
