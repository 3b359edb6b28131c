namespace Platform.Web.Studies.Sweeps;

/// <summary>
/// Seeds derived from a study's seed. Replicate <c>j</c> uses the same seed at every point (common random numbers: a
/// difference between two points is then the parameters', not the seeds'), and the replicates' seeds are distinct.
/// </summary>
public static class DerivedSeeds
{
    public static IReadOnlyList<long> For(long studySeed, int count)
    {
        var seeds = new List<long>(count);
        var seen = new HashSet<long>();
        var state = (ulong)studySeed;
        while (seeds.Count < count)
        {
            // Kept to 31 bits: families hand the seed to APIs that take an int.
            var seed = (long)(Next(ref state) & int.MaxValue);
            if (seen.Add(seed))
            {
                seeds.Add(seed);
            }
        }

        return seeds;
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): a well-mixed, stable sequence from any 64-bit seed.</summary>
    public static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
