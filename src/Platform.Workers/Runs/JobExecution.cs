using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Core.Artifacts;
using Platform.Core.Jobs;
using Platform.Core.Logs;
using Platform.Core.Metrics;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;
using Platform.Workers.Queue;

namespace Platform.Workers.Runs;

/// <summary>
/// Runs one leased job to exactly one outcome: a terminal state written under our lease, or the job handed
/// back to the queue (shutdown, infrastructure fault), or nothing at all when the lease was lost to the reaper.
/// </summary>
public sealed partial class JobExecution(
    ExperimentCatalog catalog,
    JobQueue queue,
    JobLog log,
    MetricChannel metrics,
    ArtifactStore artifacts,
    WorkerIdentity identity,
    CancelSignal cancels,
    IOptions<QueueOptions> queueOptions,
    IOptions<WorkerOptions> workerOptions,
    IOptions<RunLimitsOptions> runLimits,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<JobExecution>();

    public async Task RunAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var lease = new LeaseKeeper(queue, job.Id, identity.Id, queueOptions.Value.LeaseDuration, run, _logger);
        using var watch = cancels.Watch(job.Id, lease.RequestCancel);
        var heartbeat = lease.RunAsync();
        try
        {
            var outcome = await ExecuteAsync(job, run.Token);
            await metrics.FlushAsync(CancellationToken.None);
            await FinishAsync(job, outcome, lease, stoppingToken);
        }
        finally
        {
            await lease.StopAsync();
            await heartbeat;
        }
    }

    private async Task<Outcome> ExecuteAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(job.Kind, out var experiment))
        {
            return Outcome.Failed($"No experiment family of kind '{job.Kind}' is registered in this worker.");
        }

        object parameters;
        try
        {
            parameters = ParameterJson.Deserialize(job.Parameters, experiment.ParametersType);
        }
        catch (JsonException ex)
        {
            return Outcome.Failed($"Stored parameters no longer match '{job.Kind}': {ex.Message}");
        }

        var threads = workerOptions.Value.EffectiveThreadsPerRun;
        var context = new RunContext(job, identity.Id, threads, metrics, queue, log, artifacts, loggers.CreateLogger($"Platform.Runs.{job.Kind}"), time, runLimits.Value);
        LogStarting(job.Id, job.Kind, job.Attempt);
        try
        {
            await queue.SetEnvironmentAsync(job.Id, RunEnvironment.Describe(job, identity.Id, threads, RuntimeLibraries.Versions()), cancellationToken);
            // Experiments compute synchronously for long stretches: give each run a thread of its own.
            var summary = await Task.Factory.StartNew(
                () => experiment.RunAsync(parameters, context, cancellationToken),
                cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            return Outcome.Succeeded(JsonSerializer.Serialize(summary, SummaryJson.Options));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Outcome.Interrupted();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return Outcome.Retry($"{ex.GetType().Name}: {ex.Message}");
        }
        catch (Exception ex)
        {
            LogRunFailed(ex, job.Id);
            return Outcome.Failed($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task FinishAsync(ClaimedJob job, Outcome outcome, LeaseKeeper lease, CancellationToken stoppingToken)
    {
        if (lease.Lost)
        {
            LogLeaseLost(job.Id);
            return;
        }

        // The terminal write must land even while the host stops, or the run would wait for the reaper.
        var write = CancellationToken.None;
        switch (outcome.Kind)
        {
            case OutcomeKind.Succeeded:
                await queue.CompleteAsync(job.Id, identity.Id, JobState.Succeeded, outcome.Detail, null, write);
                break;
            case OutcomeKind.Failed:
                await queue.CompleteAsync(job.Id, identity.Id, JobState.Failed, null, outcome.Detail, write);
                break;
            case OutcomeKind.Retry:
                await queue.ReleaseAsync(job.Id, identity.Id, outcome.Detail, countAttempt: true, write);
                break;
            case OutcomeKind.Interrupted when lease.CancelRequested:
                await queue.CompleteAsync(job.Id, identity.Id, JobState.Cancelled, null, "Cancelled by a user", write);
                break;
            case OutcomeKind.Interrupted when stoppingToken.IsCancellationRequested:
                await queue.ReleaseAsync(job.Id, identity.Id, "Worker shut down; the run was returned to the queue", countAttempt: false, write);
                break;
            default:
                await queue.CompleteAsync(job.Id, identity.Id, JobState.Failed, null, "The run stopped without a result", write);
                break;
        }

        LogFinished(job.Id, outcome.Kind);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of {Kind} starting (attempt {Attempt})")]
    private partial void LogStarting(Guid runId, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} failed")]
    private partial void LogRunFailed(Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} lost its lease; another worker owns it now, so nothing is written")]
    private partial void LogLeaseLost(Guid runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} finished: {Outcome}")]
    private partial void LogFinished(Guid runId, OutcomeKind outcome);

    private enum OutcomeKind { Succeeded, Failed, Retry, Interrupted }

    private readonly record struct Outcome(OutcomeKind Kind, string? Detail)
    {
        public static Outcome Succeeded(string summary) => new(OutcomeKind.Succeeded, summary);
        public static Outcome Failed(string error) => new(OutcomeKind.Failed, error);
        public static Outcome Retry(string error) => new(OutcomeKind.Retry, error);
        public static Outcome Interrupted() => new(OutcomeKind.Interrupted, null);
    }
}
