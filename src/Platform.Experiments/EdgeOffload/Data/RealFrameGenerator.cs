using Platform.Experiments.RealData;

namespace Platform.Experiments.EdgeOffload.Data;

/// <summary>
/// A seeded stream of real frames: a random square crop of a real photograph, with 0..max real handwritten digits
/// (MNIST) pasted at known boxes. Digit d &lt; classes is class d; with distractors on, digits of the other classes
/// are pasted too, unboxed, so a detector must read the digit and not only find ink. A digit is drawn as a colour
/// stroke whose opacity is its grey level, and its box is the tight box of its ink.
/// </summary>
public sealed class RealFrameGenerator(FrameSpec spec, RealScenes scenes, int seed)
{
    // MNIST's ink above this grey level counts for the box; fainter anti-aliasing does not.
    private const float InkLevel = 0.2f;

    private readonly Random _random = new(seed);

    public IReadOnlyList<Frame> Take(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];

    public Frame Next()
    {
        var size = spec.Size;
        var photo = scenes.Photographs[_random.Next(scenes.Photographs.Count)];
        var side = _random.Next(Math.Min(photo.Width, photo.Height) / 3, Math.Min(photo.Width, photo.Height) + 1);
        var pixels = photo.Crop(_random.Next(photo.Width - side + 1), _random.Next(photo.Height - side + 1), side, size);

        if (spec.Distractors && spec.Classes < 10 && _random.NextDouble() < 0.5)
        {
            Paste(pixels, _random.Next(spec.Classes, 10));
        }
        var boxes = new List<Box>();
        if (_random.NextDouble() >= spec.EmptyShare)
        {
            var objects = _random.Next(1, spec.MaxObjects + 1);
            for (var i = 0; i < objects; i++)
            {
                var digit = _random.Next(spec.Classes);
                boxes.Add(Paste(pixels, digit) with { Class = digit });
            }
        }
        return new Frame(size, pixels, boxes);
    }

    private Box Paste(float[] pixels, int digit)
    {
        var size = spec.Size;
        var images = scenes.DigitsOf(digit);
        var image = scenes.Digits.Image(images[_random.Next(images.Count)]);
        var side = _random.Next((int)(0.3 * size), (int)(0.5 * size) + 1);
        var (x0, y0) = (_random.Next(size - side + 1), _random.Next(size - side + 1));
        Span<float> colour = stackalloc float[3];
        // Light or dark strokes, each far enough from any background to be seen.
        var light = _random.Next(2) == 0;
        for (var c = 0; c < 3; c++)
        {
            colour[c] = light ? 0.85f + (0.15f * _random.NextSingle()) : 0.15f * _random.NextSingle();
        }

        var plane = size * size;
        var (minX, minY, maxX, maxY) = (int.MaxValue, int.MaxValue, -1, -1);
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                var alpha = Sample(image, (x + 0.5f) * MnistDigitsJson.Side / side, (y + 0.5f) * MnistDigitsJson.Side / side);
                if (alpha <= 0)
                {
                    continue;
                }
                var i = ((y0 + y) * size) + x0 + x;
                for (var c = 0; c < 3; c++)
                {
                    pixels[(c * plane) + i] = ((1 - alpha) * pixels[(c * plane) + i]) + (alpha * colour[c]);
                }
                if (alpha > InkLevel)
                {
                    (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                }
            }
        }
        return maxX < 0 ? new Box(x0, y0, x0 + side, y0 + side, digit)
            : new Box(x0 + minX, y0 + minY, x0 + maxX + 1, y0 + maxY + 1, digit);
    }

    // Bilinear, so a digit scaled up keeps smooth strokes.
    private static float Sample(ReadOnlySpan<float> image, float u, float v)
    {
        var side = MnistDigitsJson.Side;
        var (x, y) = (Math.Clamp(u - 0.5f, 0, side - 1), Math.Clamp(v - 0.5f, 0, side - 1));
        var (x0, y0) = ((int)x, (int)y);
        var (x1, y1) = (Math.Min(x0 + 1, side - 1), Math.Min(y0 + 1, side - 1));
        var (fx, fy) = (x - x0, y - y0);
        var top = (image[(y0 * side) + x0] * (1 - fx)) + (image[(y0 * side) + x1] * fx);
        var bottom = (image[(y1 * side) + x0] * (1 - fx)) + (image[(y1 * side) + x1] * fx);
        return (top * (1 - fy)) + (bottom * fy);
    }
}
