using System.Runtime.CompilerServices;

namespace Platform.Experiments.EdgeOffload.Compression;

/// <summary>The orthonormal 8x8 DCT-II and its inverse, separable, as JPEG defines them.</summary>
internal static class BlockDct
{
    // Flat, row u = frequency, column x = sample: the hot loops index it without 2-D bounds checks.
    private static readonly double[] s_basis = BuildBasis();

    public static void Forward(ReadOnlySpan<double> block, Span<double> coefficients) => Transform(block, coefficients, inverse: false);

    public static void Inverse(ReadOnlySpan<double> coefficients, Span<double> block) => Transform(coefficients, block, inverse: true);

    // Timed as the device's JPEG encoder: full optimisation from the first call, not after tiered JIT warms up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transform(ReadOnlySpan<double> input, Span<double> output, bool inverse)
    {
        Span<double> temp = stackalloc double[64];
        // Rows then columns: out = B * in * B^T (forward) or B^T * in * B (inverse).
        for (var y = 0; y < 8; y++)
        {
            for (var u = 0; u < 8; u++)
            {
                var sum = 0.0;
                for (var x = 0; x < 8; x++)
                {
                    sum += input[(y * 8) + x] * (inverse ? s_basis[(x * 8) + u] : s_basis[(u * 8) + x]);
                }
                temp[(y * 8) + u] = sum;
            }
        }
        for (var u = 0; u < 8; u++)
        {
            for (var v = 0; v < 8; v++)
            {
                var sum = 0.0;
                for (var y = 0; y < 8; y++)
                {
                    sum += temp[(y * 8) + u] * (inverse ? s_basis[(y * 8) + v] : s_basis[(v * 8) + y]);
                }
                output[(v * 8) + u] = sum;
            }
        }
    }

    private static double[] BuildBasis()
    {
        var basis = new double[64];
        for (var u = 0; u < 8; u++)
        {
            var alpha = u == 0 ? Math.Sqrt(1.0 / 8) : Math.Sqrt(2.0 / 8);
            for (var x = 0; x < 8; x++)
            {
                basis[(u * 8) + x] = alpha * Math.Cos((2 * x + 1) * u * Math.PI / 16);
            }
        }
        return basis;
    }
}
