namespace Platform.Experiments.ServingThroughput.CostModel;

/// <summary>
/// One iteration of <see cref="DenseBatch"/> tokens, timed on each resource alone (paper Eq. 1–3), in seconds.
/// </summary>
public sealed record ResourceTimes(double DenseBatch, double Compute, double Memory, double Network)
{
    public Bottleneck Bottleneck =>
        Compute >= Memory && Compute >= Network ? Bottleneck.Compute
        : Memory >= Network ? Bottleneck.Memory
        : Bottleneck.Network;

    public double Slowest => Math.Max(Compute, Math.Max(Memory, Network));

    public double MemoryToCompute => Memory / Compute;

    public double NetworkToCompute => Network / Compute;
}
