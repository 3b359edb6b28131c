namespace Platform.Core.Studies;

public enum RetryOutcome
{
    NotFound,

    /// <summary>A new run with the same parameters and seed took the failed run's place in the study.</summary>
    Retried,

    /// <summary>The run has not failed (or been cancelled): it is queued, running or succeeded; nothing changed.</summary>
    NotFailed,

    /// <summary>The study was cancelled; its runs are not run again.</summary>
    StudyCancelled,

    /// <summary>The caller may not retry this run (a viewer, or a runner and someone else's study); nothing changed.</summary>
    Forbidden,
}
