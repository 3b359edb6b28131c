using Platform.Experiments.Catalog;
using Platform.Experiments.Contract;

namespace Platform.Experiments.CommOverlap;

public sealed partial class CommOverlapParameters : IUsesBuiltInDatasets
{
    /// <summary>The shipped model shapes and GPU specs the simulated ring runs on (the CPU demonstration reads neither).</summary>
    public IEnumerable<BuiltInDatasetUse> BuiltInDatasetsUsed()
    {
        if (Mode == RunMode.Simulate)
        {
            yield return new("catalog", "model shapes and GPU specs", HardwareCatalogDataset.BuiltIn.Name);
        }
    }
}
