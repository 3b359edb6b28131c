namespace Platform.Core.Events;

/// <summary>
/// Tags cross-process notifications so an app instance ignores the echo of its own events. One per host, not
/// per process: tests run several instances in one process, and each must hear the others.
/// </summary>
public sealed class InstanceIdentity
{
    public Guid Id { get; } = Guid.NewGuid();
}
