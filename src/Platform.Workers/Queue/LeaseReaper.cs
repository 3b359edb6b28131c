using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Core.Runs;

namespace Platform.Workers.Queue;

/// <summary>Returns runs of dead workers to the queue. Every worker process runs one; SKIP LOCKED keeps them apart.</summary>
public sealed partial class LeaseReaper(RunQueue queue, IOptions<WorkerOptions> options, TimeProvider time, ILogger<LeaseReaper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReaperInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    foreach (var (id, state) in await queue.ReapExpiredLeasesAsync(stoppingToken))
                    {
                        LogReaped(id, state);
                    }
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
                {
                    LogReapFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} lost its worker; it is now {State}")]
    private partial void LogReaped(Guid runId, RunState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reaping expired leases failed; will retry")]
    private partial void LogReapFailed(Exception exception);
}
