using System.Runtime.CompilerServices;

namespace Platform.Experiments.EdgeOffload.Compression;

/// <summary>JFIF's colour transform between planar RGB in [0, 1] and Y, Cb, Cr planes in [0, 255].</summary>
internal static class YCbCr
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[][] FromRgb(float[] rgb, int size)
    {
        var n = size * size;
        var planes = new[] { new double[n], new double[n], new double[n] };
        for (var i = 0; i < n; i++)
        {
            double r = rgb[i] * 255.0, g = rgb[n + i] * 255.0, b = rgb[(2 * n) + i] * 255.0;
            planes[0][i] = (0.299 * r) + (0.587 * g) + (0.114 * b);
            planes[1][i] = (-0.168736 * r) - (0.331264 * g) + (0.5 * b) + 128;
            planes[2][i] = (0.5 * r) - (0.418688 * g) - (0.081312 * b) + 128;
        }
        return planes;
    }

    public static float[] ToRgb(double[][] planes, int size)
    {
        var n = size * size;
        var rgb = new float[3 * n];
        for (var i = 0; i < n; i++)
        {
            double y = planes[0][i], cb = planes[1][i] - 128, cr = planes[2][i] - 128;
            rgb[i] = Channel(y + (1.402 * cr));
            rgb[n + i] = Channel(y - (0.344136 * cb) - (0.714136 * cr));
            rgb[(2 * n) + i] = Channel(y + (1.772 * cb));
        }
        return rgb;
    }

    private static float Channel(double value) => (float)(Math.Clamp(Math.Round(value), 0, 255) / 255.0);
}
