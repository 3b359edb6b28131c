using Platform.Experiments.Catalog;
using Platform.Experiments.Contract;

namespace Platform.Experiments.ServingThroughput;

public sealed partial class ServingThroughputParameters : IUsesBuiltInDatasets
{
    /// <summary>The shipped model shapes and GPU specs, which every mode but the CPU demonstration prices the engine with.</summary>
    public IEnumerable<BuiltInDatasetUse> BuiltInDatasetsUsed()
    {
        if (Mode != ServingMode.CpuReal)
        {
            yield return new("catalog", "model shapes and GPU specs", HardwareCatalogDataset.BuiltIn.Name);
        }
    }
}
