using Platform.Experiments.Catalog;

namespace Platform.Experiments.ServingThroughput.Hardware;

/// <summary>
/// The paper's ported models (its evaluation setup; shapes from the public HF configs, cited in Catalog/hardware-catalog.json):
/// the built-in catalogue's models with every shape the cost model needs, by the names the parameters accept.
/// </summary>
public static class ModelCatalog
{
    public const string Custom = "custom";

    /// <summary>The model is the entry named by <c>catalogModel</c> in the run's catalogue.</summary>
    public const string FromCatalog = "catalog";

    public static IReadOnlyDictionary<string, ModelShape> Presets { get; } = HardwareCatalog.BuiltIn.Models
        .Select(m => (m.Name, Shape: ServingHardware.Shape(m)))
        .Where(m => m.Shape is not null)
        .ToDictionary(m => m.Name, m => m.Shape!, StringComparer.Ordinal);

    public static string[] Names { get; } = [.. Presets.Keys, Custom, FromCatalog];
}
