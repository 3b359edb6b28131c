namespace Platform.Core.Runs;

public static class RunStateExtensions
{
    public static bool IsTerminal(this RunState state) =>
        state is RunState.Succeeded or RunState.Failed or RunState.Cancelled;
}
