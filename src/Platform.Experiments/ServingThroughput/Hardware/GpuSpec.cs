namespace Platform.Experiments.ServingThroughput.Hardware;

/// <summary>
/// One GPU's spec-sheet numbers. Memory is in 10^9 bytes; the link bandwidth is per GPU and per direction.
/// </summary>
public sealed record GpuSpec(string Name, double PeakTflops, double MemBandwidthTBps, double MemoryGB, double LinkGBps)
{
    public double PeakFlops => PeakTflops * 1e12;

    public double MemBandwidth => MemBandwidthTBps * 1e12;

    public double MemoryBytes => MemoryGB * 1e9;

    public double LinkBandwidth => LinkGBps * 1e9;
}
