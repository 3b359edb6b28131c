namespace Platform.Experiments.FederatedPrompt.Data;

/// <summary>
/// Renders one 32x32 RGB glyph into a CHW float buffer. <c>shift</c> blends the source style (smooth dark gradient,
/// vivid colours, light noise) into the target style (stripes or checks, muted colours, strong noise).
/// </summary>
internal static class GlyphRenderer
{
    private const int Size = 32;
    private const double MaxRotation = 0.45;

    public static void Render(GlyphShape shape, bool outline, double shift, SeededRandom rng, Span<float> chw)
    {
        var radius = rng.Uniform(6, 12);
        var cx = rng.Uniform(radius, Size - radius);
        var cy = rng.Uniform(radius, Size - radius);
        var angle = rng.Uniform(-MaxRotation, MaxRotation);
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var background = Background.Draw(shift, rng);
        Span<double> vivid = [rng.Uniform(0.55, 1), rng.Uniform(0.55, 1), rng.Uniform(0.55, 1)];
        Span<double> muted = [rng.Uniform(0.4, 0.85), rng.Uniform(0.4, 0.85), rng.Uniform(0.4, 0.85)];
        var noise = 0.05 + 0.1 * shift;

        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var dx = (x + 0.5 - cx) / radius;
                var dy = (y + 0.5 - cy) / radius;
                var u = cos * dx + sin * dy;
                var v = -sin * dx + cos * dy;
                var on = outline ? GlyphGeometry.InsideOutline(shape, u, v) : GlyphGeometry.Inside(shape, u, v);
                for (var c = 0; c < 3; c++)
                {
                    var value = on ? (1 - shift) * vivid[c] + shift * muted[c] : background.At(x, y, c);
                    chw[(c * Size + y) * Size + x] = (float)(value + noise * rng.Normal() - 0.5);
                }
            }
        }
    }
}
