namespace Platform.Experiments.FederatedPrompt.Data;

/// <summary>
/// Deterministic random streams derived from the run's seed and a path of integers (stream, client, index), so
/// every method sees the same data, partition and client sample regardless of the order things are generated in.
/// </summary>
public sealed class SeededRandom(long seed, params int[] path)
{
    private readonly Random _random = new(Derive(seed, path));

    public static int Derive(long seed, params int[] path)
    {
        var h = unchecked((ulong)seed);
        foreach (var part in path)
        {
            h = Mix(h ^ unchecked((ulong)part * 0x9E3779B97F4A7C15UL));
        }
        return (int)(Mix(h) & 0x7FFFFFFF);
    }

    public double Uniform(double min = 0, double max = 1) => min + (max - min) * _random.NextDouble();

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang; shapes below 1 use the usual boost.</summary>
    public double Gamma(double shape)
    {
        if (shape < 1)
        {
            return Gamma(shape + 1) * Math.Pow(_random.NextDouble(), 1.0 / shape);
        }

        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1.0 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            var u = _random.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
            {
                return d * v;
            }
        }
    }

    public void Shuffle<T>(T[] items) => _random.Shuffle(items);

    private static ulong Mix(ulong z)
    {
        // SplitMix64 finaliser.
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
