namespace Platform.Core.Events;

/// <summary>Tags cross-process notifications so a process ignores the echo of its own events.</summary>
public static class ProcessIdentity
{
    public static Guid Id { get; } = Guid.NewGuid();
}
