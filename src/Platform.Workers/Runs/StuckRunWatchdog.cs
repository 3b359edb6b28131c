using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Workers.Runs;

/// <summary>
/// Times the escalation for a run that ignores its token (ADR-004). Once the token fires the run has
/// <see cref="WorkerOptions.CancelGrace"/> to return, or it is abandoned. Then the run is settled and its writes
/// refused; what is left is the thread. If it has not come back within <see cref="WorkerOptions.StuckRunLimit"/> the
/// worker stops its own process (other runs are handed back to the queue as on any shutdown) and exits with
/// <see cref="ExitCode"/>, so a service manager starts a fresh one: no .NET API can take a thread out of native code.
/// </summary>
public sealed partial class StuckRunWatchdog(
    IHostApplicationLifetime lifetime, IOptions<WorkerOptions> options, TimeProvider time, ILogger<StuckRunWatchdog> logger)
{
    /// <summary>EX_TEMPFAIL: the process is healthy enough to restart, it only lost a thread.</summary>
    public const int ExitCode = 75;

    /// <summary>
    /// Waits for the run; once its token fires it has <see cref="WorkerOptions.CancelGrace"/> to return. Native code
    /// (a long LibTorch kernel, a blocking syscall) cannot see a token, so past the grace this throws
    /// <see cref="RunAbandonedException"/>.
    /// </summary>
    internal async Task<T> WithinCancelGraceAsync<T>(Task<T> running, CancellationToken cancellationToken)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => stopped.TrySetResult()))
        {
            if (await Task.WhenAny(running, stopped.Task) == running)
            {
                return await running;
            }
        }

        // The token has fired by now, so the grace is timed on its own.
        var grace = Task.Delay(options.Value.CancelGrace, time, CancellationToken.None);
        return await Task.WhenAny(running, grace) == running ? await running : throw new RunAbandonedException();
    }

    internal async Task WaitForReturnAsync(Guid runId, Task running, CancellationToken stoppingToken)
    {
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var limit = Task.Delay(options.Value.StuckRunLimit, time, giveUp.Token);
        var first = await Task.WhenAny(running, limit);
        await giveUp.CancelAsync();
        if (first == running)
        {
            LogReturned(runId);
            return;
        }

        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        LogStuck(runId, options.Value.StuckRunLimit);
        Environment.ExitCode = ExitCode;
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The abandoned run {RunId} returned; its thread is free again")]
    private partial void LogReturned(Guid runId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The abandoned run {RunId} has held its thread for {Limit}; stopping this worker so it can be restarted")]
    private partial void LogStuck(Guid runId, TimeSpan limit);
}
