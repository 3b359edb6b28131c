using Microsoft.Extensions.Options;

namespace Platform.Workers.Runs;

/// <summary>What this worker is doing now, for its heartbeat row and health check.</summary>
public sealed class WorkerState(IOptions<WorkerOptions> options, TimeProvider time)
{
    private int _running;

    public int Running => Volatile.Read(ref _running);

    /// <summary>Known from configuration, so the very first heartbeat already reports it.</summary>
    public int Capacity { get; } = options.Value.EffectiveMaxConcurrentRuns;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    internal void RunStarted() => Interlocked.Increment(ref _running);

    internal void RunEnded() => Interlocked.Decrement(ref _running);
}
