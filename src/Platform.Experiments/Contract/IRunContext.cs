using Microsoft.Extensions.Logging;

namespace Platform.Experiments.Contract;

/// <summary>
/// What a running experiment may do to the outside world. Implementations persist and stream; the experiment
/// never sees a database or a hub.
/// </summary>
public interface IRunContext
{
    Guid RunId { get; }

    /// <summary>The seed of this run; every random generator of the run derives from it.</summary>
    long Seed { get; }

    /// <summary>1 on the first attempt; a retried run sees 2, 3, ... and may resume from <see cref="TryRestoreAsync"/>.</summary>
    int Attempt { get; }

    ILogger Logger { get; }

    /// <summary>
    /// Compute threads this run may use (the worker divides its cores between concurrent runs). Pass it to
    /// <c>TorchRuntime.StartRun</c> before heavy compute.
    /// </summary>
    int Threads => Environment.ProcessorCount;

    /// <summary>
    /// Records one metric point. Never drops a point: when the writer falls behind, this call waits, which slows
    /// the experiment rather than losing data. A step logged again for the same key replaces the earlier value.
    /// </summary>
    ValueTask LogAsync(string key, long step, double value, CancellationToken cancellationToken = default);

    /// <summary>Reports progress in [0, 1] with a short human-readable message.</summary>
    ValueTask ProgressAsync(double fraction, string message, CancellationToken cancellationToken = default);

    /// <summary>Writes a line to the run's log, visible on its page.</summary>
    ValueTask LogLineAsync(string message, CancellationToken cancellationToken = default);

    Task SaveArtifactAsync(string name, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves resumable state. Every point logged before this call is stored before the checkpoint is, and a step a
    /// resumed attempt logs again replaces the earlier value, so a run resumed from its last checkpoint ends with each
    /// step once and no gap.
    /// </summary>
    Task CheckpointAsync(string name, ReadOnlyMemory<byte> state, CancellationToken cancellationToken = default);

    Task<byte[]?> TryRestoreAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The stored datasets, read as streams: how a run reads the datasets its parameters name.</summary>
    IDatasetReader Datasets { get; }
}
