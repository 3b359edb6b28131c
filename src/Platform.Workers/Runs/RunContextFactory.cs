using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Artifacts;
using Platform.Core.Datasets;
using Platform.Core.Logs;
using Platform.Core.Metrics;
using Platform.Core.Runs;
using Platform.Workers.Datasets;

namespace Platform.Workers.Runs;

/// <summary>Creates the <see cref="RunContext"/> of each attempt with what connects it to storage and live delivery.</summary>
public sealed class RunContextFactory(
    MetricChannel metrics,
    RunQueue queue,
    RunLog log,
    ArtifactStore artifacts,
    DatasetReader datasets,
    IOptions<RunLimitsOptions> limits,
    ExecutionSettings settings,
    TimeProvider time,
    ILoggerFactory loggers)
{
    internal RunContext Create(ClaimedRun run, RunStopper stopper) =>
        new(run, settings.WorkerId, settings.ThreadsPerRun, metrics, queue, log, artifacts, new StoredDatasetReader(datasets),
            loggers.CreateLogger($"Platform.Runs.{run.Kind}"), time, limits.Value, stopper);
}
