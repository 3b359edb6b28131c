namespace Platform.Experiments.EdgeOffload.Simulation;

/// <summary>Per-frame delays of one strategy over the stream, reduced to mean and 95th percentile, in ms.</summary>
public sealed record StreamDelays(double MeanMs, double P95Ms)
{
    public static StreamDelays Simulate(Strategy strategy, ComputeTimes times, LinkModel link, IReadOnlyList<FramePayload> frames, IChannel channel) =>
        FromMs(frames.Select(frame => DelayModel.Seconds(strategy, times, link, frame, channel.NextRateMbps()) * 1000));

    public static StreamDelays FromMs(IEnumerable<double> delaysMs)
    {
        var sorted = delaysMs.Order().ToArray();
        return new StreamDelays(sorted.Average(), sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.95 * sorted.Length) - 1)]);
    }
}
