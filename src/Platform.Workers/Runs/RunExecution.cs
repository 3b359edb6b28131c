using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Core.Runs;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;
using Platform.Workers.Queue;

namespace Platform.Workers.Runs;

/// <summary>
/// Runs one leased run to exactly one outcome: a terminal state written under our lease, or the run handed
/// back to the queue (shutdown, infrastructure fault), or nothing at all when the lease was lost to the reaper.
/// </summary>
public sealed partial class RunExecution(
    FamilyCatalog catalog,
    RunQueue queue,
    RunContextFactory contexts,
    CancelSignal cancels,
    StuckRunWatchdog stuckRuns,
    ExecutionSettings settings,
    ILogger<RunExecution> logger)
{
    public async Task RunAsync(ClaimedRun run, CancellationToken stoppingToken)
    {
        using var stopper = new RunStopper(stoppingToken, settings.CheckpointGrace);
        using var lease = new LeaseKeeper(queue, run.Id, settings.WorkerId, settings.LeaseDuration, settings.Time, stopper.Source, logger);
        using var watch = cancels.Watch(run.Id, lease.RequestCancel);
        var context = contexts.Create(run, stopper);
        stopper.Start();
        var heartbeat = lease.RunAsync();
        Task? abandoned;
        try
        {
            (var outcome, abandoned) = await ExecuteAsync(run, context, stopper.Token);
            await context.FlushAsync(CancellationToken.None);
            await FinishAsync(run, outcome, lease, stoppingToken);
        }
        finally
        {
            await lease.StopAsync();
            await heartbeat;
        }

        if (abandoned is not null)
        {
            // The run is settled, but the thread still computes: keep its slot so the worker does not oversubscribe
            // the cores, and escalate if it never comes back.
            await stuckRuns.WaitForReturnAsync(run.Id, abandoned, stoppingToken);
        }
    }

    private async Task<(Outcome Outcome, Task? Abandoned)> ExecuteAsync(ClaimedRun run, RunContext context, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(run.Kind, out var experiment))
        {
            return (Outcome.Failed($"No experiment family of kind '{run.Kind}' is registered in this worker."), null);
        }

        object parameters;
        try
        {
            parameters = ParameterJson.Deserialize(run.Parameters, experiment.ParametersType);
        }
        catch (JsonException ex)
        {
            return (Outcome.Failed($"Stored parameters no longer match '{run.Kind}': {ex.Message}"), null);
        }

        LogStarting(run.Id, run.Kind, run.Attempt);
        Task<RunSummary>? running = null;
        try
        {
            await queue.SetEnvironmentAsync(run.Id, RunEnvironment.Describe(run, settings.WorkerId, settings.ThreadsPerRun, RuntimeLibraries.Versions()), cancellationToken);
            // Experiments compute synchronously for long stretches: give each run a thread of its own.
            running = Task.Factory.StartNew(
                () => experiment.RunAsync(parameters, context, cancellationToken),
                cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            var summary = await stuckRuns.WithinCancelGraceAsync(running, cancellationToken);
            return (Outcome.Succeeded(JsonSerializer.Serialize(summary, SummaryJson.Options)), null);
        }
        catch (RunAbandonedException)
        {
            context.Abandon();
            LogAbandoned(run.Id, settings.CancelGrace);
            return (Outcome.Interrupted($"it did not stop within {settings.CancelGrace.TotalSeconds:0.#} s of being told to (stuck in native code?) and was abandoned"), running);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (Outcome.Interrupted(null), null);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return (Outcome.Retry($"{ex.GetType().Name}: {ex.Message}"), null);
        }
        catch (Exception ex)
        {
            LogRunFailed(ex, run.Id);
            return (Outcome.Failed($"{ex.GetType().Name}: {ex.Message}"), null);
        }
    }

    private async Task FinishAsync(ClaimedRun run, Outcome outcome, LeaseKeeper lease, CancellationToken stoppingToken)
    {
        if (lease.Lost)
        {
            LogLeaseLost(run.Id);
            return;
        }

        // The terminal write must land even while the host stops, or the run would wait for the reaper.
        var write = CancellationToken.None;
        switch (outcome.Kind)
        {
            case OutcomeKind.Succeeded:
                await queue.CompleteAsync(run.Id, settings.WorkerId, RunState.Succeeded, outcome.Detail, null, write);
                break;
            case OutcomeKind.Failed:
                await queue.CompleteAsync(run.Id, settings.WorkerId, RunState.Failed, null, outcome.Detail, write);
                break;
            case OutcomeKind.Retry:
                await queue.ReleaseAsync(run.Id, settings.WorkerId, outcome.Detail, countAttempt: true, write);
                break;
            case OutcomeKind.Interrupted when lease.CancelRequested:
                await queue.CompleteAsync(run.Id, settings.WorkerId, RunState.Cancelled, null, With("Cancelled by a user", outcome.Detail), write);
                break;
            case OutcomeKind.Interrupted when stoppingToken.IsCancellationRequested:
                await queue.ReleaseAsync(run.Id, settings.WorkerId, With("Worker shut down; the run was returned to the queue", outcome.Detail), countAttempt: false, write);
                break;
            default:
                await queue.CompleteAsync(run.Id, settings.WorkerId, RunState.Failed, null, "The run stopped without a result", write);
                break;
        }

        LogFinished(run.Id, outcome.Kind);
    }

    private static string With(string what, string? why) => why is null ? what : $"{what}; {why}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of {Kind} starting (attempt {Attempt})")]
    private partial void LogStarting(Guid runId, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} failed")]
    private partial void LogRunFailed(Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} lost its lease; another worker owns it now, so nothing is written")]
    private partial void LogLeaseLost(Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} ignored its cancellation for {Grace}; abandoned (its later writes are refused)")]
    private partial void LogAbandoned(Guid runId, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} finished: {Outcome}")]
    private partial void LogFinished(Guid runId, OutcomeKind outcome);

    private enum OutcomeKind { Succeeded, Failed, Retry, Interrupted }

    private readonly record struct Outcome(OutcomeKind Kind, string? Detail)
    {
        public static Outcome Succeeded(string summary) => new(OutcomeKind.Succeeded, summary);
        public static Outcome Failed(string error) => new(OutcomeKind.Failed, error);
        public static Outcome Retry(string error) => new(OutcomeKind.Retry, error);
        public static Outcome Interrupted(string? why) => new(OutcomeKind.Interrupted, why);
    }
}
