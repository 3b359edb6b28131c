namespace Platform.Experiments.Contract.Evidence;

/// <summary>
/// One setting of every assumption at which a claim is evaluated. <see cref="Varied"/> names the one assumption moved
/// from its value (one-at-a-time points), which is how sensitivities are read.
/// </summary>
public sealed class AssumptionPoint
{
    private readonly IReadOnlyDictionary<string, double> _values;

    public AssumptionPoint(IReadOnlyDictionary<string, double> values, string? varied, bool isAssumed)
    {
        _values = values;
        Varied = varied;
        IsAssumed = isAssumed;
    }

    public string? Varied { get; }

    /// <summary>Every assumption at the value the run uses.</summary>
    public bool IsAssumed { get; }

    public IReadOnlyDictionary<string, double> Values => _values;

    public double this[string name] => _values.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"No assumption named '{name}' is declared for this claim.");
}
