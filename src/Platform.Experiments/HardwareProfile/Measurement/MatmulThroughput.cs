using System.Diagnostics;
using TorchSharp;

namespace Platform.Experiments.HardwareProfile.Measurement;

/// <summary>Float32 matrix-product throughput, the number most model timings on this machine follow.</summary>
internal static class MatmulThroughput
{
    // Each timed repeat does at least this much work, so timer resolution and per-call overhead do not dominate
    // small sizes (n = 128 needs ~50 products to get there).
    private const double MinFlopsPerRepeat = 2e8;

    /// <summary>The best repeat in GFLOP/s: noise on a quiet machine only ever adds time, so the fastest is the truest.</summary>
    public static double MeasureGflops(int size, int repeats, CancellationToken cancellationToken)
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.randn(size, size);
        var b = torch.randn(size, size);
        var flopsPerProduct = 2.0 * size * size * size;
        var products = (int)Math.Ceiling(MinFlopsPerRepeat / flopsPerProduct);

        // The first product pays for kernel selection and the allocator's first blocks.
        torch.mm(a, b).Dispose();

        var best = 0.0;
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < products; i++)
            {
                torch.mm(a, b).Dispose();
            }
            stopwatch.Stop();
            best = Math.Max(best, flopsPerProduct * products / stopwatch.Elapsed.TotalSeconds / 1e9);
        }
        return best;
    }
}
