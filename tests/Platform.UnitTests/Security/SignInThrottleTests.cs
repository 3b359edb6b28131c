using System.Net;
using Microsoft.Extensions.Options;
using Platform.TestSupport;
using Platform.Web.Security;

namespace Platform.UnitTests.Security;

public sealed class SignInThrottleTests
{
    private static readonly IPAddress s_home = IPAddress.Parse("10.0.0.1");
    private static readonly IPAddress s_elsewhere = IPAddress.Parse("10.0.0.2");

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(Options.Create(new LimitsOptions
    {
        FailedSignInsPerUser = 3,
        FailedSignInsPerAddress = 5,
        SignInsPerAddress = 8,
        SignInWindow = TimeSpan.FromMinutes(10),
    }), _clock);

    [Fact]
    public void Fifty_concurrent_attempts_let_at_most_the_limit_through()
    {
        var admitted = 0;
        using var go = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, 50).Select(i => new Thread(() =>
        {
            go.Wait();
            if (_throttle.TryBegin("ada", s_home, out _) is not null)
            {
                Interlocked.Increment(ref admitted);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        go.Set();
        threads.ForEach(t => t.Join());

        Assert.Equal(3, admitted);
    }

    [Fact]
    public void An_address_is_held_back_for_a_name_until_its_oldest_failure_leaves_the_window()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(_throttle.TryBegin("Ada", s_home, out _));
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        // Names compare as people type them: case and surrounding spaces do not make a new name.
        Assert.Null(_throttle.TryBegin(" ada ", s_home, out var wait));
        Assert.Equal(TimeSpan.FromMinutes(7), wait);
        _clock.Advance(TimeSpan.FromMinutes(7));
        Assert.NotNull(_throttle.TryBegin("ada", s_home, out _));
    }

    [Fact]
    public void Failures_elsewhere_do_not_lock_a_person_out_of_their_right_password_but_slow_the_name()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(_throttle.TryBegin("ada", s_elsewhere, out _));
        }

        var mine = _throttle.TryBegin("ada", s_home, out _);
        Assert.NotNull(mine);
        Assert.True(mine.Delay > TimeSpan.Zero, "a name guessed at from elsewhere is slowed down");
        _throttle.Succeeded(mine);
        Assert.Equal(TimeSpan.Zero, _throttle.TryBegin("ada", s_home, out _)!.Delay);
    }

    [Fact]
    public void An_address_is_limited_in_attempts_even_when_they_succeed()
    {
        for (var i = 0; i < 8; i++)
        {
            var attempt = _throttle.TryBegin("ada", s_home, out _);
            Assert.NotNull(attempt);
            _throttle.Succeeded(attempt);
        }

        Assert.Null(_throttle.TryBegin("ada", s_home, out _));
        Assert.NotNull(_throttle.TryBegin("ada", s_elsewhere, out _));
    }

    [Fact]
    public void An_address_guessing_many_names_is_held_back_for_every_name()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(_throttle.TryBegin($"user{i}", s_home, out _));
        }

        Assert.Null(_throttle.TryBegin("someone-else", s_home, out _));
        Assert.NotNull(_throttle.TryBegin("someone-else", s_elsewhere, out _));
    }

    [Fact]
    public void Ipv6_clients_in_one_64_share_their_limits()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(_throttle.TryBegin($"user{i}", IPAddress.Parse($"2001:db8:1:2::{i + 1}"), out _));
        }

        Assert.Null(_throttle.TryBegin("other", IPAddress.Parse("2001:db8:1:2:ffff::9"), out _));
        Assert.NotNull(_throttle.TryBegin("other", IPAddress.Parse("2001:db8:1:3::1"), out _));
        Assert.Equal("10.0.0.1", SignInThrottle.ClientKey(IPAddress.Parse("::ffff:10.0.0.1")));
    }
}
