namespace Platform.Core.Runs;

/// <summary>An owner already has as many queued runs as it may; nothing was written.</summary>
public sealed class QueueCapReachedException(string owner, int cap)
    : Exception($"{owner} already has {cap} queued runs, the most one key or user may have waiting. Wait for some to start or cancel them.")
{
    public string Owner { get; } = owner;

    public int Cap { get; } = cap;
}
