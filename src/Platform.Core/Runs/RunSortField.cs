namespace Platform.Core.Runs;

/// <summary>What a run list can be ordered by; each maps to an indexed or cheap SQL expression.</summary>
public enum RunSortField
{
    Created,
    Started,
    Finished,
    Kind,
    State,

    /// <summary>Finished (or, while running, now) minus started; runs that never started come last.</summary>
    Duration,
}
