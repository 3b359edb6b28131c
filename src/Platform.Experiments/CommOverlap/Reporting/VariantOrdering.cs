using Platform.Experiments.CommOverlap.Simulation;

namespace Platform.Experiments.CommOverlap.Reporting;

/// <summary>The expected order in speed, seq ≤ sw-overlap ≤ t3-nonmc ≤ t3 ≤ t3-mca ≤ ideal, checked per cell.</summary>
public static class VariantOrdering
{
    public static readonly Variant[] Expected = [Variant.Seq, Variant.SwOverlap, Variant.T3Nonmc, Variant.T3, Variant.T3Mca, Variant.Ideal];

    /// <summary>True when each variant is at least as fast as the one before it, counting times within <paramref name="tie"/> (relative) as ties.</summary>
    public static bool Holds(CellResult cell, double tie = 1e-9)
    {
        for (var i = 1; i < Expected.Length; i++)
        {
            if (cell.Outcomes[Expected[i]].Time > cell.Outcomes[Expected[i - 1]].Time * (1 + tie))
                return false;
        }
        return true;
    }
}
