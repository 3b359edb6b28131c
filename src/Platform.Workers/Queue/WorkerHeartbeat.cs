using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Core.Workers;
using Platform.Core.Hosting;
using Platform.Workers.Runs;

namespace Platform.Workers.Queue;

/// <summary>Keeps this worker's row in <c>workers</c> fresh, and removes it on a clean stop.</summary>
public sealed class WorkerHeartbeat(
    WorkerRegistry registry, WorkerIdentity identity, WorkerState state, IConfiguration configuration, TimeProvider time, ILogger<WorkerHeartbeat> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private static readonly string s_version =
        typeof(WorkerHeartbeat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await registry.BeatAsync(Describe(), stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(ex, "Worker heartbeat failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await registry.RemoveAsync(identity.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not remove worker {WorkerId} from the registry", identity.Id);
        }
    }

    private WorkerRecord Describe() => new()
    {
        Id = identity.Id,
        Role = configuration.GetPlatformRole().ToString().ToLowerInvariant(),
        Host = Environment.MachineName,
        Capacity = state.Capacity,
        Running = state.Running,
        Version = s_version,
        StartedAt = state.StartedAt,
    };

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
