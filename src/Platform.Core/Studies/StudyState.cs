namespace Platform.Core.Studies;

/// <summary>A study's state, derived from its runs' states (see <see cref="StudyStates.Of"/>); never stored.</summary>
public enum StudyState
{
    Queued,
    Running,
    Succeeded,
    /// <summary>Every run failed.</summary>
    Failed,
    /// <summary>All runs finished, some failed or were cancelled, some succeeded.</summary>
    PartlyFailed,
    Cancelled,
}
