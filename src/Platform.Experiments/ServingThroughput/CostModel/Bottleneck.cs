namespace Platform.Experiments.ServingThroughput.CostModel;

/// <summary>The resource whose per-iteration time is longest, i.e. the one that bounds throughput.</summary>
public enum Bottleneck
{
    Compute,
    Memory,
    Network,
}
