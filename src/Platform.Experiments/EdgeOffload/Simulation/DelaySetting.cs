using Platform.Experiments.Contract.Evidence;

namespace Platform.Experiments.EdgeOffload.Simulation;

/// <summary>
/// The delay model's constants that a run neither measures nor takes from the paper: how much slower the mobile device
/// is than this host (for the network and for JPEG), how much faster the edge server is, and what the link adds. Each
/// is declared as an <see cref="Assumption"/> with the range of real device classes, and every delay claim is
/// re-evaluated over those ranges (<see cref="At"/> reads one point of the design).
/// </summary>
public sealed record DelaySetting(double DeviceSlowdown, double DeviceJpegSlowdown, double ServerSpeedup, double LinkEfficiency, double LinkLatencyMs)
{
    public LinkModel Link => new(LinkEfficiency, LinkLatencyMs / 1000);

    public ComputeTimes Times(HostTimings host) => ComputeTimes.FromHost(host, DeviceSlowdown, DeviceJpegSlowdown, ServerSpeedup);

    public static DelaySetting At(AssumptionPoint point) => new(
        point[nameof(DeviceSlowdown)], point[nameof(DeviceJpegSlowdown)], point[nameof(ServerSpeedup)],
        point[nameof(LinkEfficiency)], point[nameof(LinkLatencyMs)]);

    /// <summary>The assumptions at this setting's values; a value outside the usual range widens it, and says so.</summary>
    public IReadOnlyList<Assumption> Declare() =>
    [
        Declare(nameof(DeviceSlowdown), DeviceSlowdown, 2, 50, "x",
            "Device time of the network's modules = this host's time x this. A Jetson TX2/Xavier-class module runs a net this " +
            "small on its GPU kernel-launch bound at batch 1, a few times slower than this 2-core x86 host; a Jetson Nano " +
            "or Raspberry Pi 4 running it on its Cortex-A57/A72 cores is tens of times slower."),
        Declare(nameof(DeviceJpegSlowdown), DeviceJpegSlowdown, 1, 50, "x",
            "Device time of the JPEG encode = this host's Skia (libjpeg-turbo) time x this. A phone's or Jetson's hardware " +
            "JPEG encoder (ISP, NVJPG) is about as fast as this host for a small frame; libjpeg-turbo on a Raspberry Pi's " +
            "ARM cores is tens of times slower."),
        Declare(nameof(ServerSpeedup), ServerSpeedup, 1, 20, "x",
            "Edge-server time = this host's time / this. A desktop GPU server (RTX 2080 Ti-class) runs a batch-1 net this " +
            "small kernel-launch bound, barely faster than this host; with an optimised runtime or many CPU cores, up to " +
            "about 20x."),
        Declare(nameof(LinkEfficiency), LinkEfficiency, 0.5, 1, "goodput / rate",
            "The paper's code divides the payload by the nominal rate (1). Wi-Fi and LTE deliver about half to nearly all " +
            "of their nominal rate to an application after medium access, TCP/IP headers and retransmissions."),
        Declare(nameof(LinkLatencyMs), LinkLatencyMs, 0, 20, "ms",
            "Fixed time per offloaded frame besides its bits: medium access, propagation and returning the detections. " +
            "The paper's code counts none (0); an edge server one Wi-Fi or 5G hop away adds about 1-20 ms."),
    ];

    private static Assumption Declare(string name, double value, double low, double high, string unit, string why) =>
        value >= low && value <= high
            ? Assumption.Declare(name, value, low, high, unit, why)
            : Assumption.Declare(name, value, Math.Min(low, value), Math.Max(high, value), unit,
                $"{why} This run set {value:G4}, outside the usual [{low:G4}, {high:G4}], so the range is widened to include it.");
}
