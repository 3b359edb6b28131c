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
}
