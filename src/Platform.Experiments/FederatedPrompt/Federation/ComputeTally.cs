using Platform.Experiments.FederatedPrompt.Model;

namespace Platform.Experiments.FederatedPrompt.Federation;

/// <summary>FLOPs charged per party and per module (head, prompts, body, tail), accumulated over a run.</summary>
public sealed class ComputeTally
{
    private readonly Dictionary<(Party, ModelPart), double> _flops = [];

    public void Add(Party party, ModelPart module, double flops)
    {
        _flops[(party, module)] = _flops.GetValueOrDefault((party, module)) + flops;
    }

    public double Of(Party party) => _flops.Where(f => f.Key.Item1 == party).Sum(f => f.Value);

    public double Of(Party party, ModelPart module) => _flops.GetValueOrDefault((party, module));

    /// <summary>
    /// The tallies in the order they were first charged; adding them to an empty tally in this order rebuilds it
    /// with the same sums, bit for bit.
    /// </summary>
    public IEnumerable<(Party Party, ModelPart Module, double Flops)> Entries =>
        _flops.Select(f => (f.Key.Item1, f.Key.Item2, f.Value));
}
