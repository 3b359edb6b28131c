namespace Platform.Experiments.ServingThroughput.Reporting;

/// <summary>
/// The paper's figures the summary compares with, each as the paper (or its shipped code and figures) states it; each
/// says where it was read.
/// </summary>
internal static class PaperFigures
{
    /// <summary>Optimal tokens/s/GPU for LLaMA-2-70B on 8xA100 (pipeline/eval/calculate_speedup.py, OfflineThroughput.png).</summary>
    public const double Llama2OptimumPerGpu = 1857;

    /// <summary>NanoFlow's share of the optimum across ported models (v1 abstract): 59% to 72%.</summary>
    public const double ShareLow = 0.59;
    public const double ShareHigh = 0.72;

    /// <summary>NanoFlow, LLaMA-2-70B, input 1024 / output 512: 1263 of 1857 tokens/s/GPU, read off OfflineThroughput.png.</summary>
    public const double Share1024In512Out = 1263.0 / 1857;

    /// <summary>Average gain over TensorRT-LLM on three real traces (abstract).</summary>
    public const double GainOverBestBaseline = 1.91;

    /// <summary>Overlap's gain over the non-overlapped NanoFlow engine on decode-heavy workloads (Fig. 9 via a summary).</summary>
    public const double OverlapAblationGain = 1.17;

    /// <summary>Nano-batching without overlap costs 13.2% (Fig. 9 via a summary).</summary>
    public const double NanobatchOnlyLoss = 0.132;
}
