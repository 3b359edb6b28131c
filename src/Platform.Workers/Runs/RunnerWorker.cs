using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Core.Runs;
using Platform.Experiments.Contract;
using Platform.Workers.Queue;

namespace Platform.Workers.Runs;

/// <summary>
/// Claims runs while it has free slots, waking on NOTIFY or the slow poll, and runs each on its own task.
/// On shutdown the runs' tokens fire and each hands its run back to the queue.
/// </summary>
public sealed partial class RunnerWorker(
    RunQueue queue,
    RunExecution execution,
    RunWakeSignal wake,
    FamilyCatalog catalog,
    WorkerIdentity identity,
    WorkerState state,
    IOptions<WorkerOptions> options,
    IOptions<QueueOptions> queueOptions,
    ILogger<RunnerWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var capacity = state.Capacity;
        var kinds = catalog.All.Select(e => e.Kind).ToArray();
        var slots = new SemaphoreSlim(capacity, capacity);
        var running = new ConcurrentDictionary<Guid, Task>();
        LogStarted(identity.Id, capacity, string.Join(", ", kinds));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var run = await TryClaimAsync(kinds, stoppingToken);
                if (run is null)
                {
                    slots.Release();
                    await wake.WaitAsync(options.Value.PollInterval, stoppingToken);
                    continue;
                }

                state.RunStarted();
                running[run.Id] = Task.Run(async () =>
                {
                    try
                    {
                        await execution.RunAsync(run, stoppingToken);
                    }
                    catch (Exception ex)
                    {
                        // Only the database being gone gets here; the lease expires and the reaper retries the run.
                        LogRunCrashed(ex, run.Id);
                    }
                    finally
                    {
                        running.TryRemove(run.Id, out _);
                        state.RunEnded();
                        slots.Release();
                    }
                }, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running.Values);
    }

    private async Task<ClaimedRun?> TryClaimAsync(string[] kinds, CancellationToken stoppingToken)
    {
        try
        {
            return await queue.TryClaimAsync(identity.Id, kinds, queueOptions.Value.LeaseDuration, stoppingToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            LogClaimFailed(ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} runs up to {Capacity} runs at once of kinds: {Kinds}")]
    private partial void LogStarted(string workerId, int capacity, string kinds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming a run failed; will retry")]
    private partial void LogClaimFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} could not be finished; its lease will expire and the reaper will retry it")]
    private partial void LogRunCrashed(Exception exception, Guid runId);
}
