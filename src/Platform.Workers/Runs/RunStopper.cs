namespace Platform.Workers.Runs;

/// <summary>
/// Decides when one run's token fires. A cancel or a lost lease stops it now. A shutdown lets a run that has
/// checkpointed keep going until its next checkpoint (within a grace period), so the attempt it hands back loses no
/// work; a run that never checkpointed has nothing to keep and stops now.
/// </summary>
internal sealed class RunStopper(CancellationToken stoppingToken, TimeSpan checkpointGrace) : IDisposable
{
    private readonly CancellationTokenSource _run = new();
    private CancellationTokenRegistration _shutdown;
    private volatile bool _checkpointed;
    private volatile bool _draining;

    public CancellationToken Token => _run.Token;

    public CancellationTokenSource Source => _run;

    /// <summary>True once the host began stopping while this run was working toward its next checkpoint.</summary>
    public bool Draining => _draining;

    public void Start() => _shutdown = stoppingToken.Register(OnShutdown);

    /// <summary>Called after a checkpoint is stored: a draining run stops right here, with nothing left unsaved.</summary>
    public void CheckpointStored()
    {
        _checkpointed = true;
        if (_draining)
        {
            _run.Cancel();
            _run.Token.ThrowIfCancellationRequested();
        }
    }

    private void OnShutdown()
    {
        if (!_checkpointed || checkpointGrace <= TimeSpan.Zero)
        {
            _run.Cancel();
            return;
        }

        _draining = true;
        _run.CancelAfter(checkpointGrace);
    }

    public void Dispose()
    {
        _shutdown.Dispose();
        _run.Dispose();
    }
}
