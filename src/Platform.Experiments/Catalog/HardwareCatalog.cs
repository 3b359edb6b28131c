namespace Platform.Experiments.Catalog;

/// <summary>
/// Model shapes and GPU specs by name: the built-in catalogue (<see cref="BuiltIn"/>, read from the repository's
/// hardware-catalog.json), possibly extended by a user's uploaded one.
/// </summary>
public sealed class HardwareCatalog(IReadOnlyList<CatalogModel> models, IReadOnlyList<CatalogGpu> gpus)
{
    private readonly Dictionary<string, CatalogModel> _models = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogGpu> _gpus = gpus.ToDictionary(g => g.Name, StringComparer.Ordinal);

    public static HardwareCatalog BuiltIn => BuiltInHardwareCatalog.Catalog;

    public IReadOnlyList<CatalogModel> Models { get; } = models;

    public IReadOnlyList<CatalogGpu> Gpus { get; } = gpus;

    public CatalogModel? FindModel(string name) => _models.GetValueOrDefault(name);

    public CatalogGpu? FindGpu(string name) => _gpus.GetValueOrDefault(name);

    public CatalogModel Model(string name) =>
        FindModel(name) ?? throw new KeyNotFoundException($"The hardware catalogue has no model '{name}'.");

    public CatalogGpu Gpu(string name) =>
        FindGpu(name) ?? throw new KeyNotFoundException($"The hardware catalogue has no GPU '{name}'.");

    /// <summary>This catalogue with <paramref name="other"/>'s entries added; an entry of the same name replaces this one's.</summary>
    public HardwareCatalog ExtendedBy(HardwareCatalog other) => new(
        [.. Models.Where(m => other.FindModel(m.Name) is null), .. other.Models],
        [.. Gpus.Where(g => other.FindGpu(g.Name) is null), .. other.Gpus]);
}
