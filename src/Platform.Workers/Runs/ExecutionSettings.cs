using Microsoft.Extensions.Options;
using Platform.Core.Runs;

namespace Platform.Workers.Runs;

/// <summary>
/// What executing one run needs to know about this worker, in one place: its name in leases, the lease, the threads a
/// run gets, the stopping budgets (from <see cref="WorkerOptions"/>, <see cref="QueueOptions"/> and
/// <see cref="WorkerIdentity"/>) and the clock its lease is kept by.
/// </summary>
public sealed class ExecutionSettings(WorkerIdentity identity, IOptions<WorkerOptions> workers, IOptions<QueueOptions> queue, TimeProvider time)
{
    public TimeProvider Time => time;

    public string WorkerId => identity.Id;

    public TimeSpan LeaseDuration => queue.Value.LeaseDuration;

    public int ThreadsPerRun => workers.Value.EffectiveThreadsPerRun;

    /// <inheritdoc cref="WorkerOptions.CheckpointGrace"/>
    public TimeSpan CheckpointGrace => workers.Value.CheckpointGrace;

    /// <inheritdoc cref="WorkerOptions.CancelGrace"/>
    public TimeSpan CancelGrace => workers.Value.CancelGrace;
}
