namespace Platform.Experiments.Contract.Parameters;

/// <summary>The bound parameter record, or the problems found, keyed by field name (camelCase).</summary>
public sealed record ParameterBindingResult(object? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0 && Value is not null;
}
