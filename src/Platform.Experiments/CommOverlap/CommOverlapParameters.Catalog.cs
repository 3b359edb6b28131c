using Platform.Experiments.Catalog;
using Platform.Experiments.CommOverlap.Hardware;
using Platform.Experiments.Contract;

namespace Platform.Experiments.CommOverlap;

/// <summary>
/// Hidden sizes and GPU figures resolved against the run's hardware catalogue: the built-in one, extended by the
/// <see cref="Catalog"/> dataset when one is given (the run loads it and calls <see cref="UseCatalog"/> first).
/// </summary>
public sealed partial class CommOverlapParameters : IValidatesDatasets
{
    private const int MinHidden = 512;

    private HardwareCatalog _catalog = HardwareCatalog.BuiltIn;

    internal void UseCatalog(HardwareCatalog catalog) => _catalog = catalog;

    public int HiddenSize(TransformerModel model) => model != TransformerModel.Custom
        ? ModelShapes.HiddenSize(model, _catalog)
        : CatalogModel is { } name ? _catalog.Model(name).HiddenSize : CustomHidden;

    public GpuSpec ResolveGpu()
    {
        var preset = GpuSpec.From(CatalogGpu is { } name ? _catalog.Gpu(name) : _catalog.Gpu(Reporting.Names.Kebab(Gpu)));
        return new GpuSpec(
            PeakTflops ?? preset.PeakTflops,
            GemmEfficiency ?? preset.GemmEfficiency,
            HbmTbps ?? preset.HbmTbps,
            LinkGbps ?? preset.LinkGbps);
    }

    public IAsyncEnumerable<(string Field, string Message)> ValidateDatasetsAsync(IDatasetReader datasets, CancellationToken cancellationToken) =>
        HardwareCatalogDataset.ValidateAsync(Catalog, datasets, ValidateCatalogNames, cancellationToken);

    /// <summary>The catalogue names must be in <paramref name="catalog"/>; a catalogue model fills the custom slot.</summary>
    private IEnumerable<(string Field, string Message)> ValidateCatalogNames(HardwareCatalog catalog)
    {
        var where = Catalog is null ? "the built-in catalogue" : "the built-in or the chosen catalogue";
        if (CatalogModel is { } model)
        {
            if (!Models.Contains(TransformerModel.Custom))
                yield return ("catalogModel", "A catalogue model takes the place of 'custom': add custom to models.");
            if (catalog.FindModel(model) is not { } entry)
                yield return ("catalogModel", $"There is no model '{model}' in {where}; choose a catalog dataset that has it.");
            else if (entry.HiddenSize < MinHidden)
                yield return ("catalogModel", $"Model '{model}' has hidden size {entry.HiddenSize}; the simulator takes at least {MinHidden}, as customHidden does.");
        }

        if (CatalogGpu is { } gpu && catalog.FindGpu(gpu) is null)
            yield return ("catalogGpu", $"There is no GPU '{gpu}' in {where}; choose a catalog dataset that has it.");
    }
}
