namespace Platform.Experiments.Contract;

/// <summary>
/// A parameter record that can say, before its run starts, how much memory the run will hold at its peak. The
/// submission is refused when the estimate is over <c>Limits:MaxRunMemoryBytes</c>, naming the fields that drive it.
/// </summary>
public interface IEstimatesPeakMemory
{
    /// <summary>The run's largest allocations, computed from the shapes its parameters give (tensors, caches, data sets).</summary>
    MemoryEstimate EstimatePeakMemory();
}
