namespace Platform.Experiments.CommOverlap;

/// <summary>What a run does: the simulated sweep, or the small real demonstration on this machine's CPU.</summary>
public enum RunMode
{
    Simulate,
    CpuReal,
}
