using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Search;

/// <summary>
/// Stage I of the search (NanoFlow §4.1, enumerated here instead of solved as a MILP): candidate structures in
/// round-robin over nano-batch counts, so a small budget still sees every count. Where the sizes grid is too large to
/// enumerate, sizes are sampled from the run's seed.
/// </summary>
public static class StructureEnumerator
{
    public static IEnumerable<PipelineShape> Enumerate(SearchSpace space, int limit)
    {
        var random = new Random(unchecked((int)space.Seed));
        var variantPatterns = space.HasNetwork ? 4 : 1;
        var perCount = Math.Max(1, limit / Math.Max(1, space.MaxNanoBatches * 2 * variantPatterns));
        var lists = Enumerable.Range(1, space.MaxNanoBatches)
            .Select(count => Sizes(space, count, perCount, random).ToList())
            .ToList();

        for (var index = 0; lists.Any(list => index < list.Count); index++)
        {
            foreach (var list in lists.Where(list => index < list.Count))
            {
                var sizes = list[index];
                for (var pattern = 0; pattern < variantPatterns; pattern++)
                {
                    foreach (var splits in new[] { 1, 2 })
                    {
                        yield return new PipelineShape(sizes, splits, Variants(sizes.Length, pattern), Overlap: true, space.GemvShare, space.NetShare);
                    }
                }
            }
        }
    }

    private static CollectiveVariant[] Variants(int count, int pattern) =>
        [.. Enumerable.Range(0, count).Select(j => pattern switch
        {
            1 => CollectiveVariant.AllGather,
            2 => j == 0 ? CollectiveVariant.AllGather : CollectiveVariant.AllReduce,
            3 => j == count - 1 ? CollectiveVariant.AllGather : CollectiveVariant.AllReduce,
            _ => CollectiveVariant.AllReduce,
        })];

    /// <summary>Compositions of the batch into <paramref name="count"/> parts on the granularity grid.</summary>
    private static IEnumerable<int[]> Sizes(SearchSpace space, int count, int limit, Random random)
    {
        var units = space.DenseBatch / space.Granularity;
        if (units < count)
        {
            yield break;
        }

        var remainder = space.DenseBatch - units * space.Granularity;
        var seen = new HashSet<string>();
        var total = Combinations(units - 1, count - 1);
        var cutSets = total <= limit ? AllCuts(units, count - 1) : SampledCuts(units, count - 1, random).Take(limit * 4);
        foreach (var cuts in cutSets)
        {
            var sizes = new int[count];
            var previous = 0;
            for (var i = 0; i < count; i++)
            {
                var next = i < cuts.Length ? cuts[i] : units;
                sizes[i] = (next - previous) * space.Granularity + (i == count - 1 ? remainder : 0);
                previous = next;
            }

            if (seen.Add(string.Join(',', sizes)))
            {
                yield return sizes;
                if (seen.Count >= limit)
                {
                    yield break;
                }
            }
        }
    }

    private static IEnumerable<int[]> AllCuts(int units, int cuts)
    {
        if (cuts == 0)
        {
            yield return [];
            yield break;
        }

        var current = Enumerable.Range(1, cuts).ToArray();
        while (true)
        {
            yield return [.. current];
            var i = cuts - 1;
            while (i >= 0 && current[i] == units - cuts + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            current[i]++;
            for (var k = i + 1; k < cuts; k++)
            {
                current[k] = current[k - 1] + 1;
            }
        }
    }

    private static IEnumerable<int[]> SampledCuts(int units, int cuts, Random random)
    {
        while (true)
        {
            var set = new SortedSet<int>();
            while (set.Count < cuts)
            {
                set.Add(random.Next(1, units));
            }
            yield return [.. set];
        }
    }

    private static double Combinations(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }
        return result;
    }
}
