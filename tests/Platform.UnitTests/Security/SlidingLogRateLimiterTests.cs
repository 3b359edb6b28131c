using System.Threading.RateLimiting;
using Platform.TestSupport;
using Platform.Web.Security;

namespace Platform.UnitTests.Security;

public sealed class SlidingLogRateLimiterTests
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Never_more_than_the_limit_in_any_window_whatever_the_arrival_pattern()
    {
        using var limiter = new SlidingLogRateLimiter(120, s_window, _clock);
        var random = new Random(19);
        var granted = new List<DateTimeOffset>();
        for (var i = 0; i < 5_000; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 600)));
            using var lease = limiter.AttemptAcquire();
            if (lease.IsAcquired)
            {
                granted.Add(_clock.GetUtcNow());
            }
        }

        var most = granted.Select((at, i) => granted.Skip(i).TakeWhile(t => t - at < s_window).Count()).Max();
        Assert.Equal(120, most);
    }

    [Fact]
    public void A_burst_at_the_end_of_a_window_does_not_get_a_second_helping_at_its_start()
    {
        using var limiter = new SlidingLogRateLimiter(120, s_window, _clock);
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.All(Enumerable.Range(0, 120), _ => Assert.True(limiter.AttemptAcquire().IsAcquired));

        // A minute boundary passes: a bucket refilled per minute would let 120 more through now.
        _clock.Advance(TimeSpan.FromSeconds(2));
        using var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retry));
        Assert.Equal(TimeSpan.FromSeconds(58), retry);

        _clock.Advance(TimeSpan.FromSeconds(58));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }
}
