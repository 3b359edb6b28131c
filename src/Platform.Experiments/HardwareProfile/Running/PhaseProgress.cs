using Platform.Experiments.Contract;

namespace Platform.Experiments.HardwareProfile.Running;

/// <summary>Turns "one more measurement done" into the run's progress fraction.</summary>
internal sealed class PhaseProgress(IRunContext context, int phases)
{
    private int _completed;

    public ValueTask CompleteAsync(string message, CancellationToken cancellationToken)
    {
        _completed++;
        return context.ProgressAsync((double)_completed / phases, message, cancellationToken);
    }
}
