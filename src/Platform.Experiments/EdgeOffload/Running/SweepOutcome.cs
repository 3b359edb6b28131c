using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.EdgeOffload.Simulation;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>
/// Delays of every strategy at every swept rate under the assumed constants, the same re-evaluated at every point of
/// the assumption design (<see cref="AtPoints"/>, in <see cref="AssumptionDesign.Points"/> order, the assumed first),
/// and the Gilbert-Elliott stream if run.
/// </summary>
internal sealed record SweepOutcome(
    HostTimings Host,
    AssumptionDesign Design,
    IReadOnlyList<SettingSweep> AtPoints,
    IReadOnlyDictionary<Strategy, StreamDelays>? GilbertElliott)
{
    public SettingSweep Assumed => AtPoints[0];

    public ComputeTimes Times => Assumed.Times;

    public IReadOnlyList<RatePoint> Rates => Assumed.Rates;

    public SplitBand Band => Assumed.Band;

    /// <summary>Rates where split computing (no filter) had the lowest mean delay of LC, EC and SC in the simulation.</summary>
    public IReadOnlyList<double> SplitWinningRates =>
        [.. Rates.Where(r => r.Winner(Strategy.Local, Strategy.Edge, Strategy.Split) == Strategy.Split).Select(r => r.RateMbps)];
}
