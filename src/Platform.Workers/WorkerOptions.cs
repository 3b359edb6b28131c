using System.ComponentModel.DataAnnotations;

namespace Platform.Workers;

public sealed class WorkerOptions
{
    public const string SectionName = "Workers";

    /// <summary>Runs this process executes at once. 0 means cores divided by <see cref="ThreadsPerRun"/>.</summary>
    [Range(0, 256)]
    public int MaxConcurrentRuns { get; set; }

    /// <summary>Compute threads one run may use. 0 means all cores.</summary>
    [Range(0, 256)]
    public int ThreadsPerRun { get; set; }

    /// <summary>The safety-net poll for a missed NOTIFY.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ReaperInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a cancelled run may take to notice its token. A run that has not returned by then (stuck in native
    /// code, which cannot observe a token) is abandoned: its run is ended without it and its writes are refused.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan CancelGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// On shutdown, how long a run that checkpoints may keep going to reach its next checkpoint, so that it hands
    /// back no lost work. A run that never checkpointed has nothing to save and is stopped at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CheckpointGrace { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long an abandoned run's thread may stay in native code before the worker stops its process, the only way
    /// to get that core back; a service manager then starts a fresh one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan StuckRunLimit { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Unique name of this worker in the <c>workers</c> table and in run leases.</summary>
    public string? WorkerId { get; set; }

    public int EffectiveThreadsPerRun => ThreadsPerRun > 0 ? ThreadsPerRun : Environment.ProcessorCount;

    public int EffectiveMaxConcurrentRuns =>
        MaxConcurrentRuns > 0 ? MaxConcurrentRuns : Math.Max(1, Environment.ProcessorCount / EffectiveThreadsPerRun);
}
