namespace Platform.Experiments.Contract;

/// <summary>Cross-field rules of a parameter record, checked after the per-field ranges.</summary>
public interface IValidatableParameters
{
    /// <summary>Yields (field name in camelCase, message) for each broken rule.</summary>
    IEnumerable<(string Field, string Message)> Validate();
}
