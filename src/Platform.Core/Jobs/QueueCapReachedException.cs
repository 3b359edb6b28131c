namespace Platform.Core.Jobs;

/// <summary>An owner already has as many queued jobs as it may; nothing was written.</summary>
public sealed class QueueCapReachedException(string owner, int cap)
    : Exception($"{owner} already has {cap} queued jobs, the most one key or user may have waiting. Wait for some to start or cancel them.")
{
    public string Owner { get; } = owner;

    public int Cap { get; } = cap;
}
