using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// The tokens of one steady-state iteration: decode tokens first (one per live request), then chunked prefill to fill
/// the fixed token budget, as the authors' scheduler does.
/// </summary>
public sealed record IterationComposition(int DenseBatch, int DecodeTokens, double DecodeContext, double PrefillContext)
{
    public static IterationComposition From(WorkloadStats workload, int denseBatch) =>
        new(denseBatch, (int)Math.Round(denseBatch * workload.DecodeShare), workload.MeanDecodeContext, workload.MeanPrompt / 2);

    public int DecodeIn(int start, int end) => Math.Max(0, Math.Min(end, DecodeTokens) - start);

    public int PrefillIn(int start, int end) => end - start - DecodeIn(start, end);
}
