namespace Platform.Experiments.EdgeOffload.Simulation;

/// <summary>
/// What an offloaded frame's message costs on the link: a fixed latency plus its bits over the goodput, the nominal
/// rate times an efficiency. The paper's code charges bits over the nominal rate only (efficiency 1, latency 0).
/// </summary>
public sealed record LinkModel(double Efficiency, double LatencySeconds)
{
    public static LinkModel PaperCode { get; } = new(1, 0);

    public double Seconds(long bytes, double rateMbps) => LatencySeconds + (bytes * 8.0 / (rateMbps * 1e6 * Efficiency));
}
