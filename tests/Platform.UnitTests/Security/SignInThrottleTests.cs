using Microsoft.Extensions.Options;
using Platform.TestSupport;
using Platform.Web.Security;

namespace Platform.UnitTests.Security;

public sealed class SignInThrottleTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(Options.Create(new LimitsOptions
    {
        FailedSignInsPerUser = 3,
        FailedSignInsPerAddress = 5,
        SignInWindow = TimeSpan.FromMinutes(10),
    }), _clock);

    [Fact]
    public void A_name_is_held_back_after_its_allowed_failures_until_the_oldest_leaves_the_window()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(_throttle.RetryAfter("Ada", "10.0.0.1"));
            _throttle.Failed("Ada", "10.0.0.1");
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        // Names compare as people type them: case and surrounding spaces do not make a new name.
        Assert.Equal(TimeSpan.FromMinutes(7), _throttle.RetryAfter(" ada ", "10.0.0.2"));
        Assert.Null(_throttle.RetryAfter("grace", "10.0.0.2"));
        _clock.Advance(TimeSpan.FromMinutes(7));
        Assert.Null(_throttle.RetryAfter("ada", "10.0.0.1"));
    }

    [Fact]
    public void An_address_guessing_many_names_is_held_back_for_every_name()
    {
        for (var i = 0; i < 5; i++)
        {
            _throttle.Failed($"user{i}", "10.0.0.9");
        }

        Assert.NotNull(_throttle.RetryAfter("someone-else", "10.0.0.9"));
        Assert.Null(_throttle.RetryAfter("someone-else", "10.0.0.10"));
    }

    [Fact]
    public void A_success_clears_the_names_failures()
    {
        _throttle.Failed("ada", null);
        _throttle.Failed("ada", null);
        _throttle.Succeeded("ada");
        _throttle.Failed("ada", null);
        _throttle.Failed("ada", null);

        Assert.Null(_throttle.RetryAfter("ada", null));
    }
}
