using System.Threading.RateLimiting;

namespace Platform.Web.Security;

/// <summary>
/// At most <c>permitLimit</c> permits in any <c>window</c>, exactly: it keeps the time of each permit granted in the
/// last window (at most <c>permitLimit</c> of them) and grants another only when fewer than the limit remain. A token
/// bucket refilled each minute lets through about twice the limit around a refill; segmented sliding windows, a
/// little more than the limit. Time comes from the injected <see cref="TimeProvider"/>. Never queues: a refused
/// request gets the wait until a permit frees up as its <see cref="MetadataName.RetryAfter"/>.
/// </summary>
public sealed class SlidingLogRateLimiter(int permitLimit, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _granted = new();
    private DateTimeOffset _lastGrant = time.GetUtcNow();
    private long _successful;
    private long _failed;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = time.GetUtcNow();
                Expire(now);
                return _granted.Count == 0 ? now - _lastGrant : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            Expire(time.GetUtcNow());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = permitLimit - _granted.Count,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, permitLimit);
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Expire(now);
            if (_granted.Count + permitCount <= permitLimit)
            {
                for (var i = 0; i < permitCount; i++)
                {
                    _granted.Enqueue(now);
                }

                _lastGrant = now;
                _successful++;
                return Lease.Granted;
            }

            _failed++;
            // The permit that must leave the window before this many fit again.
            var freeing = _granted.ElementAt(_granted.Count + permitCount - permitLimit - 1);
            return new Lease(false, freeing + window - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Expire(DateTimeOffset now)
    {
        while (_granted.Count > 0 && now - _granted.Peek() >= window)
        {
            _granted.Dequeue();
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
