namespace Platform.Experiments.EdgeOffload.Data;

/// <summary>
/// Textured clutter: low-frequency value noise plus a colour gradient. Texture matters: on a flat background a
/// JPEG of the frame would be unrealistically small and edge computing would look better than it is.
/// </summary>
internal static class BackgroundPainter
{
    private const int Grid = 5;

    public static void Paint(Canvas canvas, Random random)
    {
        var size = canvas.Size;
        for (var c = 0; c < 3; c++)
        {
            var grid = new double[Grid, Grid];
            for (var gy = 0; gy < Grid; gy++)
            {
                for (var gx = 0; gx < Grid; gx++)
                {
                    grid[gy, gx] = 0.25 + (0.35 * random.NextDouble());
                }
            }
            var slopeX = (random.NextDouble() - 0.5) * 0.3;
            var slopeY = (random.NextDouble() - 0.5) * 0.3;
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    var value = Bilinear(grid, (double)x / size * (Grid - 1), (double)y / size * (Grid - 1));
                    value += (slopeX * x / size) + (slopeY * y / size);
                    canvas.Pixels[(c * size * size) + (y * size) + x] = (float)Math.Clamp(value, 0, 1);
                }
            }
        }
    }

    private static double Bilinear(double[,] grid, double gx, double gy)
    {
        var x0 = (int)gx;
        var y0 = (int)gy;
        var x1 = Math.Min(x0 + 1, Grid - 1);
        var y1 = Math.Min(y0 + 1, Grid - 1);
        var fx = gx - x0;
        var fy = gy - y0;
        var top = (grid[y0, x0] * (1 - fx)) + (grid[y0, x1] * fx);
        var bottom = (grid[y1, x0] * (1 - fx)) + (grid[y1, x1] * fx);
        return (top * (1 - fy)) + (bottom * fy);
    }
}
