using System.Collections.Concurrent;

namespace Platform.Bench.Benchmarks.LiveDelivery;

/// <summary>
/// Holds a probe run after its worker claims it until the benchmark has subscribed every client, so no client
/// misses the first points and the timed window starts at the same instant for every run of a case.
/// </summary>
public static class StartGate
{
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource> s_gates = new();

    public static Task WaitAsync(Guid runId, CancellationToken cancellationToken) =>
        Gate(runId).Task.WaitAsync(cancellationToken);

    public static void Open(Guid runId) => Gate(runId).TrySetResult();

    public static void Forget(Guid runId) => s_gates.TryRemove(runId, out _);

    private static TaskCompletionSource Gate(Guid runId) =>
        s_gates.GetOrAdd(runId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
