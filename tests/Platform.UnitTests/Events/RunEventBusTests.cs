using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Events;
using Platform.Core.Runs;

namespace Platform.UnitTests.Events;

/// <summary>The all-runs subscription the runs grid and the overview depend on.</summary>
public sealed class RunEventBusTests
{
    private readonly RunEventBus _bus = new(NullLogger<RunEventBus>.Instance);

    [Fact]
    public void An_all_runs_subscriber_hears_every_run_until_it_unsubscribes()
    {
        var heard = new List<Guid>();
        var subscription = _bus.SubscribeAll(e => heard.Add(e.RunId));
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        _bus.Publish(new RunStateChanged(first, RunState.Queued, null));
        _bus.Publish(new RunProgressed(second, 0.5, null));
        subscription.Dispose();
        subscription.Dispose();
        _bus.Publish(new RunStateChanged(first, RunState.Succeeded, null));

        Assert.Equal([first, second], heard);
    }

    [Fact]
    public void A_resumed_live_feed_reaches_every_subscriber_of_every_run_once()
    {
        var heard = new List<string>();
        using var all = _bus.SubscribeAll(e => heard.Add("all:" + e.GetType().Name));
        using var first = _bus.Subscribe(Guid.NewGuid(), e => heard.Add("first:" + e.GetType().Name));
        using var second = _bus.Subscribe(Guid.NewGuid(), e => heard.Add("second:" + e.GetType().Name));

        _bus.Publish(new LiveFeedResumed());

        Assert.Equal(["all:LiveFeedResumed", "first:LiveFeedResumed", "second:LiveFeedResumed"], heard.Order());
    }

    [Fact]
    public void A_failing_subscriber_does_not_stop_the_others()
    {
        var run = Guid.NewGuid();
        var heardAll = 0;
        var heardRun = 0;
        using var failing = _bus.SubscribeAll(_ => throw new InvalidOperationException("broken subscriber"));
        using var all = _bus.SubscribeAll(_ => heardAll++);
        using var one = _bus.Subscribe(run, _ => heardRun++);

        _bus.Publish(new RunStateChanged(run, RunState.Running, null));

        Assert.Equal(1, heardAll);
        Assert.Equal(1, heardRun);
    }
}
