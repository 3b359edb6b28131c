namespace Platform.Experiments.EdgeOffload.Data;

/// <summary>A planar RGB image being drawn; coordinates are in pixels, out-of-frame pixels are skipped.</summary>
internal sealed class Canvas(int size)
{
    public int Size { get; } = size;

    public float[] Pixels { get; } = new float[3 * size * size];

    public void Set(int x, int y, ReadOnlySpan<float> rgb)
    {
        if (x < 0 || y < 0 || x >= Size || y >= Size)
        {
            return;
        }
        for (var c = 0; c < 3; c++)
        {
            Pixels[(c * Size * Size) + (y * Size) + x] = rgb[c];
        }
    }

    public void Add(int x, int y, int channel, float value)
    {
        var i = (channel * Size * Size) + (y * Size) + x;
        Pixels[i] = Math.Clamp(Pixels[i] + value, 0f, 1f);
    }
}
