namespace Platform.Experiments.Contract.Evidence;

/// <summary>
/// What a run measured for one claim: the value under the assumed constants, the range it takes over the assumptions'
/// plausible ranges (and over seeds), the assumptions it is sensitive to (the ones that decide the verdict first), and
/// how many seeds the range covers.
/// </summary>
public sealed record ClaimEvidence(double Measured, Bounds Range, IReadOnlyList<string> SensitiveTo, int Seeds = 1)
{
    /// <summary>A value that depends on no assumption (a count, a measured fact): its range is the value itself.</summary>
    public static ClaimEvidence Exact(double measured) => new(measured, Bounds.Point(measured), []);

    /// <summary>
    /// Several seeds of the same claim: the range spans every seed's range, the measured value is the seeds' mean,
    /// and the sensitivities keep their order of first appearance.
    /// </summary>
    public static ClaimEvidence AcrossSeeds(IReadOnlyList<ClaimEvidence> perSeed)
    {
        if (perSeed.Count == 0)
        {
            throw new ArgumentException("At least one seed is needed.", nameof(perSeed));
        }

        return new ClaimEvidence(
            perSeed.Average(e => e.Measured),
            new Bounds(perSeed.Min(e => e.Range.Low), perSeed.Max(e => e.Range.High)),
            perSeed.SelectMany(e => e.SensitiveTo).Distinct().ToList(),
            perSeed.Sum(e => e.Seeds));
    }
}
