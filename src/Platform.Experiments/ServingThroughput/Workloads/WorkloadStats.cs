namespace Platform.Experiments.ServingThroughput.Workloads;

/// <summary>
/// What the steady-state models need from a workload: the mean prompt (prefill) and output (decode) lengths.
/// </summary>
public sealed record WorkloadStats(string Name, double MeanPrompt, double MeanOutput, int Requests = 0)
{
    /// <summary>Mean context a decoding request attends over: its prompt plus half its output so far.</summary>
    public double MeanDecodeContext => MeanPrompt + MeanOutput / 2;

    /// <summary>Share of an iteration's tokens that are decode tokens in steady state (one per live request).</summary>
    public double DecodeShare => MeanOutput / (MeanPrompt + MeanOutput);
}
