namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>
/// The paper's pairwise-interference measurement applied to this CPU. Times are ms for a fixed amount of work: alone with
/// all threads, and concurrently with half the threads each. Normalised performance is alone-time / concurrent-time, the
/// paper's R (GEMM) and P (attention); overlap can beat running one after the other only if R + P &gt; 1.
/// </summary>
public sealed record InterferenceResult(double GemmAloneMs, double AttentionAloneMs, double GemmConcurrentMs, double AttentionConcurrentMs)
{
    public double GemmPerformance => GemmAloneMs / GemmConcurrentMs;

    public double AttentionPerformance => AttentionAloneMs / AttentionConcurrentMs;

    public double Sum => GemmPerformance + AttentionPerformance;
}
