namespace Platform.Workers.Runs;

/// <summary>What this worker is doing now, for its heartbeat row and health check.</summary>
public sealed class WorkerState
{
    private int _running;

    public int Running => Volatile.Read(ref _running);

    public int Capacity { get; set; }

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    internal void RunStarted() => Interlocked.Increment(ref _running);

    internal void RunEnded() => Interlocked.Decrement(ref _running);
}
