namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>Every simulated variant of one (model, sublayer, TP) cell, with the comparisons against the baseline.</summary>
public sealed record CellResult(TransformerModel Model, Sublayer Sublayer, int Tp, CellShape Shape, IReadOnlyDictionary<Variant, VariantOutcome> Outcomes)
{
    public VariantOutcome Seq => Outcomes[Variant.Seq];

    public double Speedup(Variant variant) => Seq.Time / Outcomes[variant].Time;

    /// <summary>The share of the ideal overlap's gain a variant realises: (speedup − 1) / (ideal speedup − 1); null when ideal gains nothing.</summary>
    public double? ShareOfIdeal(Variant variant)
    {
        var ideal = Speedup(Variant.Ideal) - 1;
        return ideal > 1e-9 ? (Speedup(variant) - 1) / ideal : null;
    }

    /// <summary>Fraction of the baseline's GEMM + reduce-scatter DRAM bytes a variant saves.</summary>
    public double DataMovementReduction(Variant variant) => 1 - (Outcomes[variant].DataMovement / Seq.DataMovement);
}
