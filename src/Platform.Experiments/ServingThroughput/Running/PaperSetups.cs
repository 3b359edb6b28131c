using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.Experiments.ServingThroughput.Running;

/// <summary>
/// The paper's configurations the headline re-simulates. Dense batches are the authors' (pipeline/config_all in
/// efeslab/Nanoflow): 2048 tokens for the 70B-class models on 8 GPUs, 4096 for Mixtral-8x7B, 1024 for LLaMA-3-8B on one
/// GPU; DeepSeek-67B has no config there and gets the 70B-class 2048. The ablation's two workloads are named in the paper
/// by kind, not length: prefill-only is taken as 1024-token prompts with no output, decode-heavy as the paper's most
/// decode-heavy constant workload, input 512 / output 1024 (its Fig. 7a).
/// </summary>
internal static class PaperSetups
{
    public static WorkloadStats Headline { get; } = new("constant 1024/512", 1024, 512);

    public static WorkloadStats PrefillOnly { get; } = new("prefill-only 1024/0", 1024, 0);

    public static WorkloadStats DecodeHeavy { get; } = new("constant 512/1024", 512, 1024);

    /// <summary>The paper's models at input 1024 / output 512 (its offline-throughput and cross-model figures).</summary>
    public static IReadOnlyList<PaperSetup> Models { get; } =
    [
        new("llama-2-70b", 8, 2048, Headline),
        new("llama-3-70b", 8, 2048, Headline),
        new("qwen2-72b", 8, 2048, Headline),
        new("deepseek-67b", 8, 2048, Headline),
        new("mixtral-8x7b", 8, 4096, Headline),
        new("llama-3-8b", 1, 1024, Headline),
    ];

    /// <summary>The ablation (Fig. 9) on LLaMA-2-70B: overlap against the non-overlapped engine, on each workload.</summary>
    public static IReadOnlyList<PaperSetup> Ablation { get; } =
    [
        new("llama-2-70b", 8, 2048, PrefillOnly),
        new("llama-2-70b", 8, 2048, DecodeHeavy),
    ];
}
