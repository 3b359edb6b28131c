namespace Platform.Experiments.EdgeOffload.Simulation;

/// <summary>The stream's delays under every strategy at one fixed channel rate.</summary>
public sealed record RatePoint(double RateMbps, IReadOnlyDictionary<Strategy, StreamDelays> Delays)
{
    public Strategy Winner(params Strategy[] among) => among.MinBy(s => Delays[s].MeanMs);

    /// <summary>Streams the frames at each rate under every strategy: the cheap model the delay claims re-evaluate.</summary>
    public static IReadOnlyList<RatePoint> Sweep(ComputeTimes times, LinkModel link, IReadOnlyList<FramePayload> frames, IEnumerable<double> ratesMbps) =>
        [.. ratesMbps.Order().Select(rate => new RatePoint(rate,
            StrategyNames.All.ToDictionary(s => s, s => StreamDelays.Simulate(s, times, link, frames, new FixedRateChannel(rate)))))];
}
