using System.Diagnostics;
using TorchSharp;

namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>
/// GFLOP/s of the decoder's Up/Gate GEMM shape ([M, dim] x [dim, 2 ffn]) against the rows M: this CPU's analogue of the
/// simulator's eta(M). The best repeat is kept, since noise on a shared machine only adds time.
/// </summary>
public static class GemmCurve
{
    private const double MinFlopsPerRepeat = 2e7;
    private const int Repeats = 3;

    public static double MeasureGflops(TinyDecoderConfig config, int rows, CancellationToken cancellationToken)
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.randn([rows, config.Dim], dtype: config.DType);
        var b = torch.randn([config.Dim, 2 * config.Ffn], dtype: config.DType);
        var flops = 2.0 * rows * config.Dim * 2 * config.Ffn;
        var products = (int)Math.Ceiling(MinFlopsPerRepeat / flops);
        a.matmul(b).Dispose();

        var best = 0.0;
        for (var repeat = 0; repeat < Repeats; repeat++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < products; i++)
            {
                a.matmul(b).Dispose();
            }
            best = Math.Max(best, flops * products / Stopwatch.GetElapsedTime(started).TotalSeconds / 1e9);
        }
        return best;
    }

    /// <summary>Powers of two from 1 up to <paramref name="maxRows"/>, plus <paramref name="maxRows"/>.</summary>
    public static IReadOnlyList<int> Rows(int maxRows)
    {
        var rows = new List<int>();
        for (var m = 1; m < maxRows; m *= 2)
        {
            rows.Add(m);
        }
        rows.Add(maxRows);
        return rows;
    }
}
