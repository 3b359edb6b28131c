using Microsoft.Extensions.Options;

namespace Platform.Workers;

/// <summary>The name this process uses in leases: unique per process, readable in the dashboard.</summary>
public sealed class WorkerIdentity(IOptions<WorkerOptions> options)
{
    public string Id { get; } = options.Value.WorkerId
        ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
}
