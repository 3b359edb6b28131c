namespace Platform.Experiments.EdgeOffload.Simulation;

/// <summary>
/// A two-state Markov ("challenged") channel: good and bad rates, switching per frame with probabilities
/// good→bad and bad→good. Starts in the good state. Our extension; the paper sweeps fixed rates.
/// </summary>
public sealed class GilbertElliottChannel(double goodMbps, double badMbps, double goodToBad, double badToGood, int seed) : IChannel
{
    private readonly Random _random = new(seed);

    public bool IsGood { get; private set; } = true;

    public double NextRateMbps()
    {
        var rate = IsGood ? goodMbps : badMbps;
        var flip = _random.NextDouble() < (IsGood ? goodToBad : badToGood);
        if (flip)
        {
            IsGood = !IsGood;
        }
        return rate;
    }

    /// <summary>Long-run share of frames in the bad state.</summary>
    public static double StationaryBadShare(double goodToBad, double badToGood) =>
        goodToBad + badToGood == 0 ? 0 : goodToBad / (goodToBad + badToGood);
}
