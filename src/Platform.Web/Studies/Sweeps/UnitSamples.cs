namespace Platform.Web.Studies.Sweeps;

/// <summary>
/// Points in the unit hypercube, reproducible from the study's seed: independent uniform draws, or a Latin hypercube
/// (each dimension cut into <c>count</c> equal strata, each stratum used exactly once, in a random order per dimension),
/// which covers every range evenly with few points.
/// </summary>
public static class UnitSamples
{
    /// <returns>[dimension][point] fractions in [0, 1).</returns>
    public static double[][] Draw(string method, int dimensions, int count, long studySeed)
    {
        // A stream of its own, so the sampled points do not repeat the runs' derived seeds.
        var state = (ulong)studySeed ^ 0x5A4D_504C_4553_0001UL;
        var random = new Random((int)(DerivedSeeds.Next(ref state) & int.MaxValue));
        var fractions = new double[dimensions][];
        for (var d = 0; d < dimensions; d++)
        {
            fractions[d] = new double[count];
            var strata = Enumerable.Range(0, count).ToArray();
            if (method == SweepReader.LatinHypercubeMethod)
            {
                random.Shuffle(strata);
            }

            for (var i = 0; i < count; i++)
            {
                fractions[d][i] = method == SweepReader.LatinHypercubeMethod
                    ? (strata[i] + random.NextDouble()) / count
                    : random.NextDouble();
            }
        }

        return fractions;
    }
}
