using Platform.Core.Runs;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>
/// The attempt a page shows after a live state change, without reloading the run: the queue counts an attempt when a
/// worker leases the run, so entering <see cref="RunState.Running"/> from another state is the next attempt.
/// </summary>
public static class LiveAttempt
{
    public static int After(RunState before, int attempt, RunState now) =>
        now == RunState.Running && before != RunState.Running ? attempt + 1 : attempt;
}
