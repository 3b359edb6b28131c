using Platform.Experiments.EdgeOffload.Simulation;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>Delays of every strategy at every swept rate, the analytic band, and the Gilbert-Elliott stream if run.</summary>
internal sealed record SweepOutcome(
    HostTimings Host,
    ComputeTimes Times,
    IReadOnlyList<RatePoint> Rates,
    SplitBand Band,
    IReadOnlyDictionary<Strategy, StreamDelays>? GilbertElliott)
{
    /// <summary>Rates where split computing (no filter) had the lowest mean delay of LC, EC and SC in the simulation.</summary>
    public IReadOnlyList<double> SplitWinningRates =>
        [.. Rates.Where(r => r.Winner(Strategy.Local, Strategy.Edge, Strategy.Split) == Strategy.Split).Select(r => r.RateMbps)];
}

internal sealed record RatePoint(double RateMbps, IReadOnlyDictionary<Strategy, StreamDelays> Delays)
{
    public Strategy Winner(params Strategy[] among) => among.MinBy(s => Delays[s].MeanMs);
}
