using System.Net;
using Microsoft.Extensions.Options;

namespace Platform.Web.Security;

/// <summary>
/// Slows password guessing. Checking and recording an attempt is one step under one lock (<see cref="TryBegin"/>),
/// so concurrent guesses cannot all pass the check before any is counted: each attempt counts as a failure until
/// <see cref="Succeeded"/> says otherwise. What is held back is the client address, never the user name alone, so
/// a guesser elsewhere cannot lock a person out of their own password:
/// <list type="bullet">
/// <item>an address (IPv6: its /64, which one client usually owns whole) gets <see cref="LimitsOptions.SignInsPerAddress"/>
/// attempts per window, successes included, and <see cref="LimitsOptions.FailedSignInsPerAddress"/> failures;</item>
/// <item>one address may fail <see cref="LimitsOptions.FailedSignInsPerUser"/> times for one user name;</item>
/// <item>past that many failures for a name from all addresses together, each further attempt on the name waits a
/// moment first (<see cref="SignInAttempt.Delay"/>), which slows a spread-out guesser and costs a person a second.</item>
/// </list>
/// </summary>
public sealed class SignInThrottle(IOptions<LimitsOptions> options, TimeProvider time)
{
    // Bounds memory under a flood of made-up names: past this, expired records are swept, and if that is not
    // enough the table starts over (the per-address counts are what hold such a flood back).
    private const int MaxTracked = 10_000;

    private static readonly TimeSpan s_delayPerExcessFailure = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_maxDelay = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _events = [];

    /// <summary>
    /// Counts the attempt and returns it, or returns null with how long to wait when the address is held back.
    /// The caller verifies the password only when it got an attempt, and reports a success with <see cref="Succeeded"/>.
    /// </summary>
    public SignInAttempt? TryBegin(string userName, IPAddress? address, out TimeSpan retryAfter)
    {
        var limits = options.Value;
        var now = time.GetUtcNow();
        var client = ClientKey(address);
        var keys = new SignInKeys(UserKey(userName), "attempts:" + client, "failures:" + client, $"pair:{client}|{UserKey(userName)}");
        lock (_lock)
        {
            if (_events.Count >= MaxTracked)
            {
                Sweep(now);
            }

            retryAfter = Max(
                WaitFor(keys.AddressAttempts, limits.SignInsPerAddress, now),
                WaitFor(keys.AddressFailures, limits.FailedSignInsPerAddress, now),
                WaitFor(keys.Pair, limits.FailedSignInsPerUser, now));
            if (retryAfter > TimeSpan.Zero)
            {
                return null;
            }

            var excess = Count(keys.User, now) - limits.FailedSignInsPerUser + 1;
            foreach (var key in new[] { keys.User, keys.AddressAttempts, keys.AddressFailures, keys.Pair })
            {
                Events(key).Add(now);
            }

            var delay = excess <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(s_maxDelay.Ticks, s_delayPerExcessFailure.Ticks * excess));
            return new SignInAttempt(keys, now, delay);
        }
    }

    /// <summary>The password was right: the attempt was no failure, and the name's failures are forgiven.</summary>
    public void Succeeded(SignInAttempt attempt)
    {
        lock (_lock)
        {
            _events.Remove(attempt.Keys.User);
            _events.Remove(attempt.Keys.Pair);
            if (_events.TryGetValue(attempt.Keys.AddressFailures, out var failures))
            {
                failures.Remove(attempt.At);
            }
        }
    }

    /// <summary>The address a client is throttled by: IPv4 as is, IPv6 by its /64 prefix.</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private TimeSpan WaitFor(string key, int allowed, DateTimeOffset now)
    {
        if (!_events.TryGetValue(key, out var events))
        {
            return TimeSpan.Zero;
        }

        Expire(events, now);
        return events.Count >= allowed ? events[^allowed] + options.Value.SignInWindow - now : TimeSpan.Zero;
    }

    private int Count(string key, DateTimeOffset now)
    {
        if (!_events.TryGetValue(key, out var events))
        {
            return 0;
        }

        Expire(events, now);
        return events.Count;
    }

    private List<DateTimeOffset> Events(string key)
    {
        if (!_events.TryGetValue(key, out var events))
        {
            _events[key] = events = [];
        }

        return events;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, events) in _events.ToList())
        {
            Expire(events, now);
            if (events.Count == 0)
            {
                _events.Remove(key);
            }
        }

        if (_events.Count >= MaxTracked)
        {
            _events.Clear();
        }
    }

    private void Expire(List<DateTimeOffset> events, DateTimeOffset now) =>
        events.RemoveAll(at => now - at >= options.Value.SignInWindow);

    private static TimeSpan Max(params TimeSpan[] waits) => waits.Max();

    private static string UserKey(string userName) => "user:" + userName.Trim().ToLowerInvariant();
}

/// <summary>The record keys one sign-in attempt counted against.</summary>
public sealed record SignInKeys(string User, string AddressAttempts, string AddressFailures, string Pair);

/// <summary>A counted sign-in attempt; wait <see cref="Delay"/> before checking the password.</summary>
public sealed record SignInAttempt(SignInKeys Keys, DateTimeOffset At, TimeSpan Delay);
