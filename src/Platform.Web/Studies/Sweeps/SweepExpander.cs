namespace Platform.Web.Studies.Sweeps;

/// <summary>
/// Turns axes into points: every combination of the grid axes (the first declared axis varies slowest), and within each
/// combination every sample (the sampled axes' values taken together, sample by sample).
/// </summary>
public static class SweepExpander
{
    /// <summary>How many points <see cref="Expand"/> would make, saturating instead of overflowing on absurd grids.</summary>
    public static long CountPoints(IReadOnlyList<SweepAxis> axes)
    {
        long count = 1;
        foreach (var axis in axes.Where(a => !a.Sampled))
        {
            count = Math.Min(count * axis.Values.Count, int.MaxValue);
        }

        var samples = axes.FirstOrDefault(a => a.Sampled)?.Values.Count ?? 1;
        return Math.Min(count * samples, int.MaxValue);
    }

    public static IReadOnlyList<SweepPoint> Expand(IReadOnlyList<SweepAxis> axes)
    {
        IEnumerable<List<(string Field, SweepValue Value)>> combinations = [new List<(string Field, SweepValue Value)>()];
        foreach (var axis in axes.Where(a => !a.Sampled))
        {
            combinations = combinations.SelectMany(c => axis.Values.Select(v => new List<(string Field, SweepValue Value)>(c) { (axis.Field, v) }));
        }

        var sampled = axes.Where(a => a.Sampled).ToList();
        var samples = sampled.Count == 0 ? 1 : sampled[0].Values.Count;
        return [.. combinations.SelectMany(c => Enumerable.Range(0, samples).Select(i =>
            new SweepPoint([.. c, .. sampled.Select(a => (a.Field, a.Values[i]))])))];
    }
}
