namespace Platform.Experiments.Contract.Evidence;

/// <summary>The one rule that turns a range and a band into a verdict (see <see cref="ClaimVerdict"/>).</summary>
public static class Verdicts
{
    public static ClaimVerdict Judge(Bounds range, Bounds band) =>
        band.Contains(range) ? ClaimVerdict.Supported
        : !band.Overlaps(range) ? ClaimVerdict.Contradicted
        : ClaimVerdict.Inconclusive;
}
