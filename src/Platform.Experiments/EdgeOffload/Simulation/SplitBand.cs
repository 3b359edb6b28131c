namespace Platform.Experiments.EdgeOffload.Simulation;

/// <summary>
/// The channel rates (Mbps) where split computing beats both extremes: above <see cref="BeatsLocalAboveMbps"/> it
/// beats local computing, below <see cref="BeatsEdgeBelowMbps"/> it beats edge computing. Infinity means "at every
/// rate" for the upper bound and "at no rate" for the lower one.
/// </summary>
public sealed record SplitBand(double BeatsLocalAboveMbps, double BeatsEdgeBelowMbps)
{
    public bool Exists => BeatsLocalAboveMbps < BeatsEdgeBelowMbps;

    public bool Contains(double rateMbps) => rateMbps > BeatsLocalAboveMbps && rateMbps < BeatsEdgeBelowMbps;

    /// <summary>
    /// From the delay model with mean payloads (exact for mean delays, which are linear in bytes), goodput e x R and
    /// latency L: SC beats LC when R &gt; 8 B_sc / (e (t_lc - t_head - t_tail - L)) and beats EC when
    /// R &lt; 8 (B_jpeg - B_sc) / (e (t_head + t_tail - t_srv,full - t_jpeg)); the latency, paid by both, cancels there.
    /// </summary>
    public static SplitBand From(ComputeTimes t, LinkModel link, double meanJpegBytes, double bottleneckBytes)
    {
        var localSaving = t.DeviceFull - t.DeviceHead - t.ServerTail - link.LatencySeconds;
        var beatsLocalAbove = localSaving > 0 ? 8 * bottleneckBytes / (link.Efficiency * localSaving) / 1e6 : double.PositiveInfinity;

        var extraCompute = t.DeviceHead + t.ServerTail - t.ServerFull - t.DeviceJpeg;
        var bytesSaved = meanJpegBytes - bottleneckBytes;
        double beatsEdgeBelow;
        if (bytesSaved <= 0)
        {
            // Sending at least as much and computing no less: it never wins; computing less: it always wins.
            beatsEdgeBelow = extraCompute < 0 ? double.PositiveInfinity : 0;
        }
        else
        {
            beatsEdgeBelow = extraCompute > 0 ? 8 * bytesSaved / (link.Efficiency * extraCompute) / 1e6 : double.PositiveInfinity;
        }
        return new SplitBand(beatsLocalAbove, beatsEdgeBelow);
    }
}
