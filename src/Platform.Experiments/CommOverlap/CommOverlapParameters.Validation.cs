namespace Platform.Experiments.CommOverlap;

/// <summary>Cross-field rules of <see cref="CommOverlapParameters"/>.</summary>
internal static class CommOverlapValidation
{
    public static IEnumerable<(string Field, string Message)> Check(CommOverlapParameters p)
    {
        if (p.DtypeBytes == 3)
            yield return ("dtypeBytes", "Bytes per element must be 1, 2 or 4.");
        if (p.Models.Distinct().Count() != p.Models.Count)
            yield return ("models", "Each model may appear only once.");
        if (p.Sublayers.Distinct().Count() != p.Sublayers.Count)
            yield return ("sublayers", "Each sublayer may appear only once.");
        if (p.TpDegrees.Distinct().Count() != p.TpDegrees.Count)
            yield return ("tpDegrees", "Each TP degree may appear only once.");
        if (p.LargeModelTpDegrees.Distinct().Count() != p.LargeModelTpDegrees.Count)
            yield return ("largeModelTpDegrees", "Each TP degree may appear only once.");
        if (p.Variants.Distinct().Count() != p.Variants.Count)
            yield return ("variants", "Each variant may appear only once.");
        if (p.Mode == RunMode.Simulate && !p.Sublayers.Contains(p.GanttSublayer))
            yield return ("ganttSublayer", "The Gantt sublayer must be one of the simulated sublayers.");

        // A hardware trigger that fires later than a kernel launch would make T3 lose to software for a reason
        // the paper's design rules out.
        if (p.TriggerLatencyUs > p.StepLatencyUs)
            yield return ("triggerLatencyUs", "The DMA trigger latency may not exceed the per-step (kernel) latency.");
        if (p.T3Accesses > p.BaselineAccesses - 1)
            yield return ("t3Accesses", "T3's accesses per step must be fewer than the baseline's (the DMA saves at least one).");
        if (p.Mode == RunMode.CpuReal && p.CpuTokens % p.CpuRanks != 0)
            yield return ("cpuTokens", "cpu-real: tokens must divide evenly into one chunk per rank.");
    }
}
