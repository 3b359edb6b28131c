using TorchSharp;

namespace Platform.Experiments.FederatedPrompt.Data;

/// <summary>Generates the source, client and test sets from the run's seed; each image has its own random stream.</summary>
public sealed class GlyphDataFactory(long seed, double shiftSeverity)
{
    private const int SourceStream = 1;
    private const int TargetStream = 2;
    private const int PixelsPerImage = 3 * 32 * 32;

    public ImageSet Source(int count, int offset = 0) =>
        Build(Enumerable.Range(offset, count).Select(i => (long)(i % GlyphTask.Classes)).ToArray(),
            i => new SeededRandom(seed, SourceStream, 0, offset + i), label => GlyphTask.SourceClass(label), 0);

    /// <summary>A balanced test set of the target task; each <paramref name="set"/> is drawn with its own seed.</summary>
    public ImageSet TargetTest(int count, int set = 0) =>
        Build(Enumerable.Range(0, count).Select(i => (long)(i % GlyphTask.Classes)).ToArray(),
            i => new SeededRandom(seed, TargetStream, -1 - set, i), GlyphTask.TargetClass, shiftSeverity);

    /// <summary>One client's target-task samples, labels drawn from <paramref name="classShares"/>.</summary>
    public ImageSet TargetClient(int client, int count, IReadOnlyList<double> classShares)
    {
        var pick = new SeededRandom(seed, TargetStream, client, -1);
        var labels = new long[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = Categorical(classShares, pick.Uniform());
        }
        return Build(labels, i => new SeededRandom(seed, TargetStream, client, i), GlyphTask.TargetClass, shiftSeverity);
    }

    private static ImageSet Build(long[] labels, Func<int, SeededRandom> rngOf,
        Func<int, (GlyphShape Shape, bool Outline)> classOf, double shift)
    {
        var pixels = new float[labels.Length * PixelsPerImage];
        Parallel.For(0, labels.Length, i =>
        {
            var (shape, outline) = classOf((int)labels[i]);
            GlyphRenderer.Render(shape, outline, shift, rngOf(i), pixels.AsSpan(i * PixelsPerImage, PixelsPerImage));
        });
        return new ImageSet(torch.tensor(pixels, [labels.Length, 3, 32, 32]), torch.tensor(labels));
    }

    private static long Categorical(IReadOnlyList<double> shares, double u)
    {
        var cumulative = 0.0;
        for (var c = 0; c < shares.Count; c++)
        {
            cumulative += shares[c];
            if (u < cumulative)
            {
                return c;
            }
        }
        return shares.Count - 1;
    }
}
