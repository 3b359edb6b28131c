namespace Platform.Core.Security;

/// <summary>
/// What a key or a user may do. Ordered: each role includes the ones below it (an admin is also a runner
/// and a viewer), so a check is a comparison.
/// </summary>
public enum AccessRole
{
    /// <summary>Reads runs, metrics, artifacts; subscribes to live events.</summary>
    Viewer = 0,

    /// <summary>Also submits runs and cancels its own.</summary>
    Runner = 1,

    /// <summary>Everything, including cancelling anyone's run and managing keys and users.</summary>
    Admin = 2,
}
