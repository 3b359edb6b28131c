using System.Diagnostics;

namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>Accumulates wall time per named phase over a round.</summary>
internal sealed class PhaseClock
{
    private readonly Dictionary<string, double> _seconds = [];

    public T Time<T>(string phase, Func<T> work)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = work();
        _seconds[phase] = _seconds.GetValueOrDefault(phase) + stopwatch.Elapsed.TotalSeconds;
        return result;
    }

    public IReadOnlyDictionary<string, double> Seconds => _seconds;
}
