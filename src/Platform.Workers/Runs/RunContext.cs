using Microsoft.Extensions.Logging;
using Platform.Core.Artifacts;
using Platform.Core.Runs;
using Platform.Core.Logs;
using Platform.Core.Metrics;
using Platform.Experiments.Contract;

namespace Platform.Workers.Runs;

/// <summary>Connects a running experiment to storage and live delivery; one per attempt.</summary>
internal sealed class RunContext(
    ClaimedRun run,
    string workerId,
    int threads,
    MetricChannel metrics,
    RunQueue queue,
    RunLog log,
    ArtifactStore artifacts,
    IDatasetReader datasets,
    ILogger logger,
    TimeProvider time,
    RunLimitsOptions limits,
    RunStopper stopper) : IRunContext
{
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromMilliseconds(500);
    private long _lastProgressTicks;
    private long _points;
    private volatile bool _abandoned;

    public Guid RunId => run.Id;

    public long Seed => run.Seed;

    public int Attempt => run.Attempt;

    public ILogger Logger => logger;

    public int Threads => threads;

    public IDatasetReader Datasets => datasets;

    /// <summary>
    /// Refuses every later write: the worker gave up waiting for this run (its run already has its final state), and
    /// whatever the run does when its native call finally returns must not change that record.
    /// </summary>
    public void Abandon() => _abandoned = true;

    public ValueTask LogAsync(string key, long step, double value, CancellationToken cancellationToken = default)
    {
        ThrowIfAbandoned();
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, 200, nameof(key));
        if (Interlocked.Increment(ref _points) > limits.MaxMetricPointsPerRun)
        {
            throw new RunLimitExceededException(
                $"The run logged more than {limits.MaxMetricPointsPerRun:N0} metric points, the most one run may log (Limits:MaxMetricPointsPerRun); " +
                "log less often or raise the limit.");
        }

        return metrics.WriteAsync(new MetricSample(run.Id, key, step, value, time.GetUtcNow()), cancellationToken);
    }

    public async ValueTask ProgressAsync(double fraction, string message, CancellationToken cancellationToken = default)
    {
        ThrowIfAbandoned();
        // Progress is advisory: at most two writes a second, but the final 100% always lands.
        var now = time.GetTimestamp();
        if (fraction < 1 && time.GetElapsedTime(Interlocked.Read(ref _lastProgressTicks), now) < s_progressInterval)
        {
            return;
        }

        Interlocked.Exchange(ref _lastProgressTicks, now);
        try
        {
            await queue.UpdateProgressAsync(run.Id, workerId, fraction, message, cancellationToken);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            // A database outage must not fail a run over a progress bar: the next report, or the end, catches up.
            logger.LogWarning(ex, "Run {RunId}: progress not saved (database unavailable)", run.Id);
        }
    }

    public async ValueTask LogLineAsync(string message, CancellationToken cancellationToken = default)
    {
        ThrowIfAbandoned();
        logger.LogInformation("Run {RunId}: {Message}", run.Id, message);
        await log.AppendAsync(run.Id, message, cancellationToken);
    }

    public Task SaveArtifactAsync(string name, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ThrowIfAbandoned();
        EnsureWithinArtifactLimit("artifact", name, content.Length);
        return artifacts.SaveArtifactAsync(run.Id, name, contentType, content, cancellationToken);
    }

    public async Task CheckpointAsync(string name, ReadOnlyMemory<byte> state, CancellationToken cancellationToken = default)
    {
        ThrowIfAbandoned();
        EnsureWithinArtifactLimit("checkpoint", name, state.Length);
        // Points logged before the checkpoint are stored before it: a run resumed from it after a crash must not
        // find a gap where points were still in the pump's buffer when the process died.
        await metrics.FlushAsync(cancellationToken);
        await artifacts.SaveCheckpointAsync(run.Id, name, state, cancellationToken);
        stopper.CheckpointStored();
    }

    /// <summary>
    /// Completes once every point logged so far is stored and published, so a finished run's last points arrive
    /// before its terminal state. Not a write of the run's own, so an abandoned run flushes too.
    /// </summary>
    internal Task FlushAsync(CancellationToken cancellationToken) => metrics.FlushAsync(cancellationToken);

    private void ThrowIfAbandoned()
    {
        if (_abandoned)
        {
            throw new OperationCanceledException("The worker abandoned this run after it ignored its cancellation; nothing more is recorded.");
        }
    }

    private void EnsureWithinArtifactLimit(string what, string name, long bytes)
    {
        if (bytes > limits.MaxArtifactBytes)
        {
            throw new RunLimitExceededException(
                $"The {what} '{name}' has {bytes:N0} bytes; the most a run may save in one is {limits.MaxArtifactBytes:N0} (Limits:MaxArtifactBytes).");
        }
    }

    public Task<byte[]?> TryRestoreAsync(string name, CancellationToken cancellationToken = default) =>
        artifacts.LoadCheckpointAsync(run.Id, name, cancellationToken);
}
