using Platform.Core.Runs;

namespace Platform.Web.Compare;

/// <summary>
/// Runs loaded for comparison: the runs found, the ids that were not, the parameter table, and every run's curves
/// (thinned by stride to at most <see cref="ComparisonService.MaxStoredPoints"/> per curve, so runs of one
/// configuration keep the same steps and still aggregate point by point).
/// </summary>
public sealed record Comparison(
    IReadOnlyList<RunDto> Runs,
    IReadOnlyList<Guid> Missing,
    ParameterDiff Parameters,
    IReadOnlyList<string> Keys,
    IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<(long Step, double Value)>>> Curves)
{
    /// <summary>Indices of runs grouped by configuration (seed excluded), in the order runs were given.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Groups() => Runs
        .Select((run, index) => (Key: ConfigurationKey.Of(run), index))
        .GroupBy(r => r.Key)
        .Select(g => (IReadOnlyList<int>)g.Select(r => r.index).ToList())
        .ToList();
}
