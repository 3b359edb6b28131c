namespace Platform.Experiments.EdgeOffload.Simulation;

public sealed class FixedRateChannel(double rateMbps) : IChannel
{
    public double NextRateMbps() => rateMbps;
}
