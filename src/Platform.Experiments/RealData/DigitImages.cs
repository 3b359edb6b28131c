namespace Platform.Experiments.RealData;

/// <summary>Square grey-scale digit images in [0, 1], row-major, one after another, with their labels 0-9.</summary>
public sealed record DigitImages(int Side, float[] Pixels, long[] Labels)
{
    public int Count => Labels.Length;

    public int PixelsPerImage => Side * Side;

    public ReadOnlySpan<float> Image(int index) => Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);

    /// <summary>Images per label, 0-9.</summary>
    public int[] LabelCounts()
    {
        var counts = new int[10];
        foreach (var label in Labels)
        {
            counts[label]++;
        }
        return counts;
    }
}
