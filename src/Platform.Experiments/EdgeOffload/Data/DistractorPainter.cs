namespace Platform.Experiments.EdgeOffload.Data;

/// <summary>
/// Gray rectangles and thin lines that are not classes. Empty frames keep them, so the neural filter must tell
/// "something is there" from "an object of interest is there".
/// </summary>
internal static class DistractorPainter
{
    public static void Paint(Canvas canvas, Random random)
    {
        var size = canvas.Size;
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var gray = (float)(0.15 + (0.7 * random.NextDouble()));
            Span<float> rgb = [gray, gray, gray];
            if (random.NextDouble() < 0.5)
            {
                var w = random.Next(size / 10, size / 3);
                var h = random.Next(size / 10, size / 3);
                var x0 = random.Next(0, size - w);
                var y0 = random.Next(0, size - h);
                for (var y = y0; y < y0 + h; y++)
                {
                    for (var x = x0; x < x0 + w; x++)
                    {
                        canvas.Set(x, y, rgb);
                    }
                }
            }
            else
            {
                DrawLine(canvas, random, rgb);
            }
        }
    }

    private static void DrawLine(Canvas canvas, Random random, ReadOnlySpan<float> rgb)
    {
        var size = canvas.Size;
        double x = random.Next(size), y = random.Next(size);
        var angle = random.NextDouble() * Math.PI;
        var length = random.Next(size / 4, size);
        for (var t = 0; t < length; t++)
        {
            canvas.Set((int)(x + (t * Math.Cos(angle))), (int)(y + (t * Math.Sin(angle))), rgb);
        }
    }
}
