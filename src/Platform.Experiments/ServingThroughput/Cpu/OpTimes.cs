using System.Diagnostics;

namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>Wall time per operation class of the decoder, in ms; one instance per thread of work.</summary>
public sealed class OpTimes
{
    public static readonly string[] Classes = ["kqv", "attention-decode", "attention-prefill", "o", "up-gate", "down", "lm-head"];

    private readonly Dictionary<string, double> _ms = Classes.ToDictionary(c => c, _ => 0.0);

    public IReadOnlyDictionary<string, double> Milliseconds => _ms;

    public void Add(string opClass, long startTimestamp) => _ms[opClass] += Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    public void Clear()
    {
        foreach (var key in Classes)
        {
            _ms[key] = 0;
        }
    }
}
