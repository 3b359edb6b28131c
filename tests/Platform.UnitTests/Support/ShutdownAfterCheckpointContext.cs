using Microsoft.Extensions.Logging;
using Platform.Experiments.Contract;

namespace Platform.UnitTests.Support;

/// <summary>
/// Acts like a worker shutting down mid-run: once the run has stored its n-th checkpoint, the token is cancelled and
/// that checkpoint call throws <see cref="OperationCanceledException"/>, as the platform's does. Everything else goes
/// to <see cref="Inner"/>, whose <see cref="RecordingRunContext.NextAttempt"/> gives the retried attempt.
/// </summary>
public sealed class ShutdownAfterCheckpointContext(RecordingRunContext inner, int checkpoints, CancellationTokenSource shutdown) : IRunContext
{
    private int _stored;

    public RecordingRunContext Inner => inner;

    public Guid RunId => inner.RunId;

    public long Seed => inner.Seed;

    public int Attempt => inner.Attempt;

    public ILogger Logger => inner.Logger;

    public int Threads => inner.Threads;

    public IDatasetReader Datasets => inner.Datasets;

    public ValueTask LogAsync(string key, long step, double value, CancellationToken cancellationToken = default) =>
        inner.LogAsync(key, step, value, cancellationToken);

    public ValueTask ProgressAsync(double fraction, string message, CancellationToken cancellationToken = default) =>
        inner.ProgressAsync(fraction, message, cancellationToken);

    public ValueTask LogLineAsync(string message, CancellationToken cancellationToken = default) =>
        inner.LogLineAsync(message, cancellationToken);

    public Task SaveArtifactAsync(string name, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        inner.SaveArtifactAsync(name, contentType, content, cancellationToken);

    public async Task CheckpointAsync(string name, ReadOnlyMemory<byte> state, CancellationToken cancellationToken = default)
    {
        await inner.CheckpointAsync(name, state, cancellationToken);
        if (++_stored == checkpoints)
        {
            await shutdown.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public Task<byte[]?> TryRestoreAsync(string name, CancellationToken cancellationToken = default) =>
        inner.TryRestoreAsync(name, cancellationToken);
}
