namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>Splits DRAM bandwidth between the GEMM and the collective when together they ask for more than there is.</summary>
public static class DramArbiter
{
    /// <returns>The bandwidth granted to each stream (bytes/s); never more than asked, never more than the capacity in total.</returns>
    public static (double Gemm, double Comm) Allocate(
        ArbitrationPolicy policy, double floor, double gemmDemand, double commDemand, double capacity)
    {
        if (gemmDemand + commDemand <= capacity)
        {
            return (gemmDemand, commDemand);
        }

        return policy switch
        {
            ArbitrationPolicy.FairShare => FairShare(gemmDemand, commDemand, capacity),
            ArbitrationPolicy.ComputePriority => Priority(gemmDemand, commDemand, capacity, floor),
            ArbitrationPolicy.CommPriority => Swap(Priority(commDemand, gemmDemand, capacity, floor)),
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown arbitration policy."),
        };
    }

    // Max-min fairness: each gets half, and a stream that needs less than half leaves the rest to the other.
    private static (double, double) FairShare(double a, double b, double capacity)
    {
        var half = capacity / 2;
        if (a <= half) return (a, capacity - a);
        if (b <= half) return (capacity - b, b);
        return (half, half);
    }

    // The favoured stream takes what it needs except a floor the other is guaranteed (if it wants that much).
    private static (double, double) Priority(double favoured, double other, double capacity, double floor)
    {
        var reserved = Math.Min(other, floor * capacity);
        var granted = Math.Min(favoured, capacity - reserved);
        return (granted, Math.Min(other, capacity - granted));
    }

    private static (double, double) Swap((double A, double B) pair) => (pair.B, pair.A);
}
