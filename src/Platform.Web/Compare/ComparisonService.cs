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
            curves.Add(await ThinnedCurvesAsync(run.Id, cancellationToken));
        }

        var keys = curves.SelectMany(c => c.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        return new Comparison(runs, missing, ParameterDiff.Of(runs), keys, curves);
    }

    /// <summary>A run's curves thinned by stride while they stream in: only the points kept are ever held.</summary>
    private async Task<Dictionary<string, IReadOnlyList<(long, double)>>> ThinnedCurvesAsync(Guid run, CancellationToken cancellationToken)
    {
        var counts = await metrics.CountAsync(run, null, null, null, cancellationToken);
        var byKey = new Dictionary<string, IReadOnlyList<(long, double)>>(StringComparer.Ordinal);
        List<(long, double)>? kept = null;
        (long, double) last = default;
        var (index, stride) = (0L, 1L);
        await foreach (var (key, step, value) in metrics.StreamAsync(run, null, cancellationToken))
        {
            if (!byKey.ContainsKey(key))
            {
                EndCurve(kept, last);
                kept = [];
                byKey[key] = kept;
                (index, stride) = (0, Stride(counts.GetValueOrDefault(key), MaxStoredPoints));
            }

            if (index++ % stride == 0)
            {
                kept!.Add((step, value));
            }

            last = (step, value);
        }

        EndCurve(kept, last);
        return byKey;
    }

    internal static long Stride(long count, int maxPoints) => Math.Max(1, (long)Math.Ceiling(count / (double)maxPoints));

    /// <summary>A curve always ends at its last point, kept or not, so thinning never shortens it.</summary>
    private static void EndCurve(List<(long, double)>? kept, (long, double) last)
    {
        if (kept is { Count: > 0 } && kept[^1] != last)
        {
            kept.Add(last);
        }
    }
}
