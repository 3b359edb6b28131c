namespace Platform.Core.Runs;

public enum LeaseStatus
{
    /// <summary>The lease was extended; keep running.</summary>
    Held,

    /// <summary>The lease was extended, and a user asked to cancel the run.</summary>
    CancelRequested,

    /// <summary>The run is no longer ours (the reaper took it back, or it was finished elsewhere): stop without writing.</summary>
    Lost,
}
