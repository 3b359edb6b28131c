namespace Platform.Experiments.EdgeOffload.Simulation;

/// <summary>Compute time of each piece on the party that runs it, in seconds (already scaled to device or server).</summary>
public sealed record ComputeTimes(
    double DeviceFull,
    double DeviceJpeg,
    double ServerFull,
    double DeviceStem,
    double DeviceEncoder,
    double DeviceFilter,
    double ServerTail,
    double DeviceNaiveHead,
    double ServerNaiveTail)
{
    /// <summary>The split-computing head: stem, bottleneck encoder and quantiser.</summary>
    public double DeviceHead => DeviceStem + DeviceEncoder;

    /// <summary>
    /// Host timings scaled: the device runs the network <paramref name="deviceSlowdown"/> and JPEG
    /// <paramref name="jpegSlowdown"/> times slower, the server <paramref name="serverSpeedup"/> times faster.
    /// </summary>
    public static ComputeTimes FromHost(HostTimings host, double deviceSlowdown, double jpegSlowdown, double serverSpeedup)
    {
        double Device(double ms) => ms / 1000 * deviceSlowdown;
        double Server(double ms) => ms / 1000 / serverSpeedup;
        return new ComputeTimes(
            Device(host.FullMs), host.JpegMs / 1000 * jpegSlowdown, Server(host.FullMs),
            Device(host.StemMs), Device(host.EncoderMs), Device(host.FilterMs), Server(host.TailMs),
            Device(host.NaiveHeadMs), Server(host.NaiveTailMs));
    }
}
