using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Core.Runs;

namespace Platform.Workers.Runs;

/// <summary>
/// Extends one run's lease every third of its duration and watches for a cancel request or a lost lease;
/// either one cancels the run's token.
/// </summary>
internal sealed class LeaseKeeper(
    RunQueue queue, Guid runId, string workerId, TimeSpan lease, TimeProvider time, CancellationTokenSource run, ILogger logger) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public bool Lost { get; private set; }

    public bool CancelRequested { get; private set; }

    public async Task RunAsync()
    {
        using var timer = new PeriodicTimer(lease / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    switch (await queue.HeartbeatAsync(runId, workerId, lease, _stop.Token))
                    {
                        case LeaseStatus.CancelRequested when !CancelRequested:
                            CancelRequested = true;
                            await run.CancelAsync();
                            break;
                        case LeaseStatus.Lost:
                            Lost = true;
                            await run.CancelAsync();
                            return;
                    }
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
                {
                    // The database may come back before the lease runs out; if not, the reaper decides.
                    logger.LogWarning(ex, "Heartbeat for run {RunId} failed", runId);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Cancels the run now, on a cancel notification, instead of at the next heartbeat.</summary>
    public void RequestCancel()
    {
        CancelRequested = true;
        run.Cancel();
    }

    public Task StopAsync() => _stop.CancelAsync();

    public void Dispose() => _stop.Dispose();
}
