using Platform.Experiments.Contract;
using Platform.Experiments.EdgeOffload.Model;
using Platform.Experiments.Torch;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>What every phase of a run needs: its knobs, the context, the thread count and the progress counter.</summary>
internal sealed class RunScope(EdgeOffloadParameters parameters, IRunContext context, int threads, CancellationToken cancellationToken)
{
    private int _completed;

    public EdgeOffloadParameters Parameters { get; } = parameters;

    public IRunContext Context { get; } = context;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public int Threads { get; } = threads;

    public int Seed { get; } = unchecked((int)context.Seed);

    public DetectorShape Shape { get; } = parameters.Shape();

    /// <summary>Progress steps: epochs of every training phase, then stream, timing, one per rate and the report.</summary>
    public int TotalSteps => Parameters.TeacherEpochs + (Parameters.DistillEpochs * Parameters.DistillMethods.Count)
        + Parameters.FilterEpochs + 2 + Parameters.RatesMbps.Count + 2;

    /// <summary>Call after every await and before heavy compute: LibTorch keeps the thread count per OS thread.</summary>
    public void UseThreads() => TorchRuntime.UseThreads(Threads);

    public ValueTask LogAsync(string key, long step, double value) => Context.LogAsync(key, step, value, CancellationToken);

    public ValueTask LineAsync(string message) => Context.LogLineAsync(message, CancellationToken);

    public ValueTask StepAsync(string message)
    {
        _completed++;
        return Context.ProgressAsync(Math.Min(1.0, (double)_completed / TotalSteps), message, CancellationToken);
    }

    public ValueTask SkipStepsAsync(int steps, string message)
    {
        _completed += steps - 1;
        return StepAsync(message);
    }
}
