using Platform.Core.Runs;
using Platform.Core.Metrics;

namespace Platform.Web.Compare;

/// <summary>Loads the runs of a comparison and their curves; the page and the export API both use it.</summary>
public sealed class ComparisonService(RunReader reader, MetricSeriesReader metrics)
{
    public const int MaxStoredPoints = 5_000;

    /// <summary>The runs found and the ids that were not, without their curves (the exports stream those themselves).</summary>
    public async Task<(IReadOnlyList<RunDto> Runs, IReadOnlyList<Guid> Missing)> LoadRunsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var runs = await reader.GetManyAsync(ids, cancellationToken);
        var found = runs.Select(r => r.Id).ToHashSet();
        return (runs, ids.Where(id => !found.Contains(id)).ToList());
    }

    public async Task<Comparison> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var (runs, missing) = await LoadRunsAsync(ids, cancellationToken);
        var curves = new List<IReadOnlyDictionary<string, IReadOnlyList<(long, double)>>>();
        foreach (var run in runs)
        {
            var byKey = new Dictionary<string, IReadOnlyList<(long, double)>>(StringComparer.Ordinal);
            await foreach (var (key, points) in metrics.ReadRawAsync(run.Id, null, cancellationToken))
            {
                byKey[key] = Thin(points, MaxStoredPoints);
            }

            curves.Add(byKey);
        }

        var keys = curves.SelectMany(c => c.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        return new Comparison(runs, missing, ParameterDiff.Of(runs), keys, curves);
    }

    internal static IReadOnlyList<(long, double)> Thin(List<(long, double)> points, int maxPoints)
    {
        if (points.Count <= maxPoints) return points;
        var stride = (int)Math.Ceiling(points.Count / (double)maxPoints);
        var thinned = new List<(long, double)>(maxPoints + 1);
        for (var i = 0; i < points.Count; i += stride) thinned.Add(points[i]);
        if (thinned[^1] != points[^1]) thinned.Add(points[^1]);
        return thinned;
    }
}
