namespace Platform.Experiments.EdgeOffload.Simulation;

/// <summary>
/// Capture-to-output delay of one frame: device compute + the message on the link + server compute (the paper code's
/// <c>cost_analyzer</c>, whose link is <see cref="LinkModel.PaperCode"/>). A frame the filter drops costs only the stem
/// and the filter.
/// </summary>
public static class DelayModel
{
    public static double Seconds(Strategy strategy, ComputeTimes t, LinkModel link, FramePayload frame, double rateMbps) => strategy switch
    {
        Strategy.Local => t.DeviceFull,
        Strategy.Edge => t.DeviceJpeg + link.Seconds(frame.JpegBytes, rateMbps) + t.ServerFull,
        Strategy.Split => t.DeviceHead + link.Seconds(frame.BottleneckBytes, rateMbps) + t.ServerTail,
        Strategy.SplitFiltered => frame.Dropped
            ? t.DeviceStem + t.DeviceFilter
            : t.DeviceHead + t.DeviceFilter + link.Seconds(frame.BottleneckBytes, rateMbps) + t.ServerTail,
        Strategy.NaiveSplit => t.DeviceNaiveHead + link.Seconds(frame.NaiveBytes, rateMbps) + t.ServerNaiveTail,
        _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
    };

    /// <summary>Bytes on the link for a frame under a strategy.</summary>
    public static long Bytes(Strategy strategy, FramePayload frame) => strategy switch
    {
        Strategy.Local => 0,
        Strategy.Edge => frame.JpegBytes,
        Strategy.Split => frame.BottleneckBytes,
        Strategy.SplitFiltered => frame.Dropped ? 0 : frame.BottleneckBytes,
        Strategy.NaiveSplit => frame.NaiveBytes,
        _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
    };
}
