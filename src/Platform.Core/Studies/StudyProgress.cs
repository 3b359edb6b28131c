namespace Platform.Core.Studies;

/// <summary>How many of a study's runs are in each state.</summary>
public sealed record StudyProgress(int Queued, int Running, int Succeeded, int Failed, int Cancelled)
{
    public int Total => Queued + Running + Succeeded + Failed + Cancelled;

    public int Finished => Succeeded + Failed + Cancelled;
}
