using Platform.Experiments.Catalog;
using Platform.Experiments.Contract;
using Platform.Experiments.ServingThroughput.Hardware;

namespace Platform.Experiments.ServingThroughput;

/// <summary>
/// The model and GPU the run uses, resolved against its hardware catalogue: the built-in one, extended by the
/// <see cref="Catalog"/> dataset when one is given (the run loads it and calls <see cref="UseCatalog"/> first).
/// </summary>
public sealed partial class ServingThroughputParameters : IValidatesDatasets
{
    private HardwareCatalog _catalog = HardwareCatalog.BuiltIn;

    internal void UseCatalog(HardwareCatalog catalog) => _catalog = catalog;

    public ModelShape ResolveModel() => Model == ModelCatalog.Custom
        ? new ModelShape("Custom", CustomHidden, CustomLayers, CustomHeads, CustomKvHeads, CustomFfn, CustomVocab, CustomExperts, CustomTopK)
        : ServingHardware.Shape(_catalog.Model(ModelName)) ?? throw new InvalidOperationException(ServingHardware.Lacks(_catalog.Model(ModelName)));

    public GpuSpec ResolveGpu() => Gpu == GpuCatalog.Custom
        ? new GpuSpec("Custom", CustomTflops, CustomMemBandwidthTBps, CustomMemoryGB, CustomLinkGBps)
        : ServingHardware.Spec(_catalog.Gpu(GpuName)) ?? throw new InvalidOperationException(ServingHardware.Lacks(_catalog.Gpu(GpuName)));

    private string ModelName => Model == ModelCatalog.FromCatalog ? CatalogModel ?? "" : Model;

    private string GpuName => Gpu == GpuCatalog.FromCatalog ? CatalogGpu ?? "" : Gpu;

    public IAsyncEnumerable<(string Field, string Message)> ValidateDatasetsAsync(IDatasetReader datasets, CancellationToken cancellationToken) =>
        HardwareCatalogDataset.ValidateAsync(Catalog, datasets, ValidateHardware, cancellationToken);

    /// <summary>The model and GPU must be in <paramref name="catalog"/>, complete, and the TP degree must divide the KV heads.</summary>
    private IEnumerable<(string Field, string Message)> ValidateHardware(HardwareCatalog catalog)
    {
        var where = Catalog is null ? "the built-in catalogue" : "the built-in or the chosen catalogue";
        var validTp = TensorParallel is 1 or 2 or 4 or 8;
        var modelField = Model == ModelCatalog.FromCatalog ? "catalogModel" : "model";
        if (Model != ModelCatalog.Custom)
        {
            if (ModelName.Length == 0)
                yield return (modelField, "model = catalog needs the name of a catalogue model in catalogModel.");
            else if (catalog.FindModel(ModelName) is not { } model)
                yield return (modelField, $"There is no model '{ModelName}' in {where}; choose a catalog dataset that has it.");
            else if (ServingHardware.Lacks(model) is { } lacks)
                yield return (modelField, lacks);
            else if (validTp && model.KvHeads % TensorParallel != 0)
                yield return ("tensorParallel", $"The tensor-parallel degree must divide the model's {model.KvHeads} KV heads.");
        }
        else if (validTp && CustomKvHeads % TensorParallel != 0)
            yield return ("tensorParallel", $"The tensor-parallel degree must divide the model's {CustomKvHeads} KV heads.");

        var gpuField = Gpu == GpuCatalog.FromCatalog ? "catalogGpu" : "gpu";
        if (Gpu != GpuCatalog.Custom)
        {
            if (GpuName.Length == 0)
                yield return (gpuField, "gpu = catalog needs the name of a catalogue GPU in catalogGpu.");
            else if (catalog.FindGpu(GpuName) is not { } gpu)
                yield return (gpuField, $"There is no GPU '{GpuName}' in {where}; choose a catalog dataset that has it.");
            else if (ServingHardware.Lacks(gpu) is { } lacks)
                yield return (gpuField, lacks);
        }
    }
}
