using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Platform.Web.Security;

/// <summary>
/// Slows password guessing: after too many failed sign-ins for one user name, or from one client address, within
/// a sliding window, further attempts are refused until the oldest failure leaves the window. Only failures count,
/// so people who type their password right are never held back; a success clears the name's record.
/// </summary>
public sealed class SignInThrottle(IOptions<LimitsOptions> options, TimeProvider time)
{
    // Bounds memory under a flood of made-up names: past this, expired records are swept, and if that is not
    // enough the table starts over (the per-address count is what holds such a flood back).
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    /// <summary>How long this attempt must wait, or null when it may go ahead.</summary>
    public TimeSpan? RetryAfter(string userName, string? address)
    {
        var limits = options.Value;
        var now = time.GetUtcNow();
        var byUser = WaitFor(UserKey(userName), limits.FailedSignInsPerUser, now);
        var byAddress = address is null ? null : WaitFor(AddressKey(address), limits.FailedSignInsPerAddress, now);
        return (byUser, byAddress) switch
        {
            ({ } user, { } addr) => user > addr ? user : addr,
            _ => byUser ?? byAddress,
        };
    }

    public void Failed(string userName, string? address)
    {
        var now = time.GetUtcNow();
        Record(UserKey(userName), now);
        if (address is not null)
        {
            Record(AddressKey(address), now);
        }
    }

    public void Succeeded(string userName) => _failures.TryRemove(UserKey(userName), out _);

    private TimeSpan? WaitFor(string key, int allowed, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return null;
        }

        lock (failures)
        {
            Expire(failures, now);
            return failures.Count >= allowed ? failures.Peek() + options.Value.SignInWindow - now : null;
        }
    }

    private void Record(string key, DateTimeOffset now)
    {
        if (_failures.Count >= MaxTracked)
        {
            Sweep(now);
        }

        var failures = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Expire(failures, now);
            failures.Enqueue(now);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            lock (failures)
            {
                Expire(failures, now);
                if (failures.Count == 0)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }

        if (_failures.Count >= MaxTracked)
        {
            _failures.Clear();
        }
    }

    private void Expire(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && now - failures.Peek() >= options.Value.SignInWindow)
        {
            failures.Dequeue();
        }
    }

    private static string UserKey(string userName) => "user:" + userName.Trim().ToLowerInvariant();

    private static string AddressKey(string address) => "addr:" + address;
}
