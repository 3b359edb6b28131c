using Platform.Experiments.Catalog;

namespace Platform.Experiments.ServingThroughput.Hardware;

/// <summary>
/// The built-in catalogue's GPUs the cost model can use (those with memory), by the names the parameters accept:
/// dense FP16 spec-sheet figures, NVLink bandwidth per direction (Catalog/hardware-catalog.json cites each).
/// </summary>
public static class GpuCatalog
{
    public const string Custom = "custom";

    /// <summary>The GPU is the entry named by <c>catalogGpu</c> in the run's catalogue.</summary>
    public const string FromCatalog = "catalog";

    public static IReadOnlyDictionary<string, GpuSpec> Presets { get; } = HardwareCatalog.BuiltIn.Gpus
        .Select(g => (g.Name, Spec: ServingHardware.Spec(g)))
        .Where(g => g.Spec is not null)
        .ToDictionary(g => g.Name, g => g.Spec!, StringComparer.Ordinal);

    public static string[] Names { get; } = [.. Presets.Keys, Custom, FromCatalog];
}
