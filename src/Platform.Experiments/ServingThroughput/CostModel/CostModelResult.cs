namespace Platform.Experiments.ServingThroughput.CostModel;

/// <summary>
/// What the cost model says about one system and workload. Throughputs are tokens/s per GPU and count prefill and
/// decode tokens alike, as the paper does.
/// </summary>
public sealed record CostModelResult(
    double KvBytesPerToken,
    double MaxConcurrentRequests,
    double MaxDenseBatch,
    ResourceTimes Times,
    double OptimalPerGpu,
    double BoundPerGpu);
