namespace Platform.Core.Runs;

public enum CancelOutcome
{
    NotFound,

    /// <summary>The run had already finished; nothing changed.</summary>
    AlreadyFinished,

    /// <summary>The run was queued and is now <see cref="RunState.Cancelled"/>.</summary>
    Cancelled,

    /// <summary>The run is running; its worker is told at once (NOTIFY) and, failing that, sees it at its next heartbeat.</summary>
    Requested,

    /// <summary>The caller may not cancel this run (a viewer, or a runner and someone else's run); nothing changed.</summary>
    Forbidden,
}
