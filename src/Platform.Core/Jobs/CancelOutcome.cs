namespace Platform.Core.Jobs;

public enum CancelOutcome
{
    NotFound,

    /// <summary>The job had already finished; nothing changed.</summary>
    AlreadyFinished,

    /// <summary>The job was queued and is now <see cref="JobState.Cancelled"/>.</summary>
    Cancelled,

    /// <summary>The job is running; its worker is told at once (NOTIFY) and, failing that, sees it at its next heartbeat.</summary>
    Requested,

    /// <summary>The caller may not cancel this job (a viewer, or a runner and someone else's job); nothing changed.</summary>
    Forbidden,
}
