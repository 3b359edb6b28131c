namespace Platform.Core.Jobs;

/// <summary>What a job list can be ordered by; each maps to an indexed or cheap SQL expression.</summary>
public enum JobSortField
{
    Created,
    Started,
    Finished,
    Kind,
    State,

    /// <summary>Finished (or, while running, now) minus started; jobs that never started come last.</summary>
    Duration,
}
