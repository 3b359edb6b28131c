using Platform.Experiments.Contract.Evidence;

namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>
/// The simulated claims' statistics at every point of the design over the simulation assumptions (in
/// <see cref="AssumptionDesign.Points"/> order; the first is the run's own simulation at the assumed values).
/// </summary>
public sealed record AssumptionEvidence(AssumptionDesign Design, IReadOnlyList<ClaimStatistics> Points)
{
    public ClaimStatistics Assumed => Points[0];

    /// <summary>One statistic at every point, over all of that point's phrases.</summary>
    public IReadOnlyList<double> Values(Func<ClaimStatistics, IReadOnlyList<int>, double> statistic) =>
        [.. Points.Select(s => statistic(s, ClaimStatistics.All(s.Count)))];
}
