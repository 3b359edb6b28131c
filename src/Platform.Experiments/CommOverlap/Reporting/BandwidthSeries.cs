using Platform.Experiments.CommOverlap.Simulation;
using Platform.Experiments.Contract;

namespace Platform.Experiments.CommOverlap.Reporting;

/// <summary>Logs the DRAM bandwidth split of an overlapped variant over time, sampled on a µs grid.</summary>
internal static class BandwidthSeries
{
    private const int Samples = 120;

    public static async Task LogAsync(Variant variant, OverlapTrace trace, IRunContext context, CancellationToken ct)
    {
        var end = trace.Bandwidth[^1].End;
        var stepUs = Math.Max(1, (long)Math.Ceiling(end * 1e6 / Samples));
        var segment = 0;
        for (long us = 0; us * 1e-6 < end; us += stepUs)
        {
            var t = us * 1e-6;
            while (segment < trace.Bandwidth.Count - 1 && trace.Bandwidth[segment].End <= t)
                segment++;
            var s = trace.Bandwidth[segment];
            await context.LogAsync(CommOverlapMetrics.DramBandwidth(variant, "gemm"), us, s.Gemm / 1e9, ct);
            await context.LogAsync(CommOverlapMetrics.DramBandwidth(variant, "comm"), us, s.Comm / 1e9, ct);
        }
    }
}
