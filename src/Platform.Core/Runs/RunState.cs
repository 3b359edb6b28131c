namespace Platform.Core.Runs;

/// <summary>
/// Queued → Running → one of the terminal states. Running may also return to Queued when its worker dies
/// (the reaper) or shuts down gracefully; a terminal state is never left.
/// </summary>
public enum RunState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
