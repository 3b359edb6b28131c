namespace Platform.Experiments.FederatedPrompt.Data;

/// <summary>Point-in-glyph tests in the glyph's own frame, where the glyph fits the unit disc.</summary>
internal static class GlyphGeometry
{
    public static bool Inside(GlyphShape shape, double u, double v) => shape switch
    {
        GlyphShape.Circle => u * u + v * v <= 1,
        GlyphShape.Square => Math.Abs(u) <= 0.75 && Math.Abs(v) <= 0.75,
        GlyphShape.Triangle => v >= -0.7 && Math.Abs(u) <= 0.6 * (0.9 - v),
        GlyphShape.Cross => (Math.Abs(u) <= 0.25 && Math.Abs(v) <= 0.9) || (Math.Abs(v) <= 0.25 && Math.Abs(u) <= 0.9),
        GlyphShape.Ring => u * u + v * v <= 1 && u * u + v * v >= 0.36,
        GlyphShape.Star => Math.Sqrt(u * u + v * v) <= 0.55 + 0.4 * Math.Cos(5 * Math.Atan2(v, u)),
        GlyphShape.Diamond => Math.Abs(u) + Math.Abs(v) <= 1,
        GlyphShape.Ellipse => u * u + v * v / 0.25 <= 1,
        GlyphShape.HorizontalBar => Math.Abs(v) <= 0.25 && Math.Abs(u) <= 0.95,
        GlyphShape.VerticalBar => Math.Abs(u) <= 0.25 && Math.Abs(v) <= 0.95,
        _ => false,
    };

    /// <summary>The glyph minus a copy shrunk to 60%: its outline.</summary>
    public static bool InsideOutline(GlyphShape shape, double u, double v) =>
        Inside(shape, u, v) && !Inside(shape, u / 0.6, v / 0.6);
}
