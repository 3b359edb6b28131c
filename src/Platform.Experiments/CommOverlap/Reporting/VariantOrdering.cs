using Platform.Experiments.CommOverlap.Simulation;

namespace Platform.Experiments.CommOverlap.Reporting;

/// <summary>
/// The order of the variants in speed. <see cref="Expected"/> is the full order the paper's design argues for;
/// <see cref="Core"/>, seq ≤ t3 ≤ t3-mca ≤ ideal, the part a run counts per cell. Software overlap and t3-nonmc are
/// left out of the core: their CU kernels and extra DRAM traffic can, under contention, cost more than overlapping saves.
/// t3 ≤ t3-mca can fail too where the MCA floor is below the collective's DRAM demand and the collective is the
/// critical path (compute priority then starves it); a run's ordering count shows such cells.
/// </summary>
public static class VariantOrdering
{
    public static readonly Variant[] Expected = [Variant.Seq, Variant.SwOverlap, Variant.T3Nonmc, Variant.T3, Variant.T3Mca, Variant.Ideal];

    public static readonly Variant[] Core = [Variant.Seq, Variant.T3, Variant.T3Mca, Variant.Ideal];

    /// <summary>True when each variant of <paramref name="order"/> (default <see cref="Core"/>) is at least as fast as the one before it, counting times within <paramref name="tie"/> (relative) as ties.</summary>
    public static bool Holds(CellResult cell, IReadOnlyList<Variant>? order = null, double tie = 1e-9) =>
        Violations(cell, order ?? Core, tie).Count == 0;

    /// <summary>The adjacent pairs (slower, faster) of <paramref name="order"/> where the faster one takes longer.</summary>
    public static IReadOnlyList<(Variant Slower, Variant Faster)> Violations(CellResult cell, IReadOnlyList<Variant> order, double tie = 1e-9) =>
    [
        .. order.Zip(order.Skip(1)).Where(pair => cell.Outcomes[pair.Second].Time > cell.Outcomes[pair.First].Time * (1 + tie)),
    ];
}
