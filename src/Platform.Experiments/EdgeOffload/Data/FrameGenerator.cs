namespace Platform.Experiments.EdgeOffload.Data;

/// <summary>A seeded stream of camera frames: textured background, distractors, 0..max objects of interest.</summary>
public sealed class FrameGenerator(FrameSpec spec, int seed)
{
    private readonly Random _random = new(seed);

    public IReadOnlyList<Frame> Take(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];

    public Frame Next()
    {
        var canvas = new Canvas(spec.Size);
        BackgroundPainter.Paint(canvas, _random);
        if (spec.Distractors)
        {
            DistractorPainter.Paint(canvas, _random);
        }

        var boxes = new List<Box>();
        if (_random.NextDouble() >= spec.EmptyShare)
        {
            var objects = _random.Next(1, spec.MaxObjects + 1);
            for (var i = 0; i < objects; i++)
            {
                boxes.Add(DrawObject(canvas));
            }
        }

        AddNoise(canvas);
        return new Frame(spec.Size, canvas.Pixels, boxes);
    }

    private Box DrawObject(Canvas canvas)
    {
        var size = spec.Size;
        var kind = (ShapeKind)_random.Next(spec.Classes);
        var side = _random.Next((int)(0.18 * size), (int)(0.4 * size) + 1);
        var x0 = _random.Next(0, size - side + 1);
        var y0 = _random.Next(0, size - side + 1);
        Span<float> rgb = stackalloc float[3];
        SaturatedColour(rgb);

        var half = side / 2.0;
        for (var y = y0; y < y0 + side; y++)
        {
            for (var x = x0; x < x0 + side; x++)
            {
                if (ShapeMask.Contains(kind, (x + 0.5 - x0 - half) / half, (y + 0.5 - y0 - half) / half))
                {
                    canvas.Set(x, y, rgb);
                }
            }
        }
        return new Box(x0, y0, x0 + side, y0 + side, (int)kind);
    }

    // One channel high, one low, one anywhere: far from the muted background, whatever the hue.
    private void SaturatedColour(Span<float> rgb)
    {
        var high = _random.Next(3);
        var low = (high + 1 + _random.Next(2)) % 3;
        for (var c = 0; c < 3; c++)
        {
            rgb[c] = c == high ? 0.85f + (0.15f * _random.NextSingle())
                : c == low ? 0.1f * _random.NextSingle()
                : _random.NextSingle();
        }
    }

    private void AddNoise(Canvas canvas)
    {
        if (spec.PixelNoise <= 0)
        {
            return;
        }
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < spec.Size; y++)
            {
                for (var x = 0; x < spec.Size; x++)
                {
                    canvas.Add(x, y, c, (float)(Gaussian() * spec.PixelNoise));
                }
            }
        }
    }

    private double Gaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
