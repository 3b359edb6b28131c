using System.Diagnostics;

namespace Platform.Bench.Benchmarks.LiveDelivery;

/// <summary>
/// One monotonic millisecond clock for the sender (inside the worker) and the receivers (hub clients): both live in
/// this process, so a point can carry its send time as its value and the receiver subtracts.
/// </summary>
public static class ProbeClock
{
    private static readonly long s_origin = Stopwatch.GetTimestamp();

    public static double NowMs() => Stopwatch.GetElapsedTime(s_origin).TotalMilliseconds;
}
