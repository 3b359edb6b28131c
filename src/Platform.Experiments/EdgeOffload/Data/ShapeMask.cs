namespace Platform.Experiments.EdgeOffload.Data;

/// <summary>Whether a point, in coordinates relative to the shape's box ([-1, 1] on both axes), is inside a shape.</summary>
internal static class ShapeMask
{
    public static bool Contains(ShapeKind kind, double u, double v) => kind switch
    {
        ShapeKind.Circle => (u * u) + (v * v) <= 1,
        // Apex at the top, base at the bottom: |u| grows linearly from 0 to 1 as v goes from -1 to 1.
        ShapeKind.Triangle => Math.Abs(u) <= (v + 1) / 2,
        ShapeKind.Cross => Math.Abs(u) <= 0.3 || Math.Abs(v) <= 0.3,
        ShapeKind.Diamond => Math.Abs(u) + Math.Abs(v) <= 1,
        ShapeKind.Ring => (u * u) + (v * v) <= 1 && (u * u) + (v * v) >= 0.36,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
