using Platform.Experiments.Catalog;

namespace Platform.Experiments.CommOverlap;

/// <summary>Cross-field rules of the parameters.</summary>
public sealed partial class CommOverlapParameters
{
    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (DtypeBytes == 3)
            yield return ("dtypeBytes", "Bytes per element must be 1, 2 or 4.");
        if (Models.Distinct().Count() != Models.Count)
            yield return ("models", "Each model may appear only once.");
        if (Sublayers.Distinct().Count() != Sublayers.Count)
            yield return ("sublayers", "Each sublayer may appear only once.");
        if (TpDegrees.Distinct().Count() != TpDegrees.Count)
            yield return ("tpDegrees", "Each TP degree may appear only once.");
        if (LargeModelTpDegrees.Distinct().Count() != LargeModelTpDegrees.Count)
            yield return ("largeModelTpDegrees", "Each TP degree may appear only once.");
        if (Variants.Distinct().Count() != Variants.Count)
            yield return ("variants", "Each variant may appear only once.");
        if (Mode == RunMode.Simulate && !Sublayers.Contains(GanttSublayer))
            yield return ("ganttSublayer", "The Gantt sublayer must be one of the simulated sublayers.");

        // A hardware trigger that fires later than a kernel launch would make T3 lose to software for a reason
        // the paper's design rules out.
        if (TriggerLatencyUs > StepLatencyUs)
            yield return ("triggerLatencyUs", "The DMA trigger latency may not exceed the per-step (kernel) latency.");
        if (T3Accesses > BaselineAccesses - 1)
            yield return ("t3Accesses", "T3's accesses per step must be fewer than the baseline's (the DMA saves at least one).");
        if (Mode == RunMode.CpuReal && CpuTokens % CpuRanks != 0)
            yield return ("cpuTokens", "cpu-real: tokens must divide evenly into one chunk per rank.");

        // With an uploaded catalogue the names are checked against it at submission (ValidateDatasetsAsync).
        if (Catalog is null)
        {
            foreach (var problem in ValidateCatalogNames(HardwareCatalog.BuiltIn))
                yield return problem;
        }
    }
}
