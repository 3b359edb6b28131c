using Platform.Experiments.Contract;

namespace Platform.Experiments.ServingThroughput;

/// <summary>The family's one-click parameter sets.</summary>
internal static class ServingThroughputPresets
{
    public static IReadOnlyList<ExperimentPreset> All { get; } =
    [
        new(ExperimentPreset.HeadlineName, "Reproduce the paper's headline",
            "LLaMA-2-70B on 8x A100-80G, input 1024 / output 512, 2048 tokens per iteration: the optimum (1857 tokens/s/GPU) and " +
            "the four simulated engines with the pipeline search. Finishes in seconds.",
            new ServingThroughputParameters()),
        new("memory-bound-8b", "Where overlap stops paying: LLaMA-3-8B, long decode",
            "LLaMA-3-8B on one A100 with input 512 / output 1024 at the memory-filling batch: decode attention grows and the gain shrinks.",
            new ServingThroughputParameters { Model = "llama-3-8b", TensorParallel = 1, PromptTokens = 512, OutputTokens = 1024, DenseBatch = 0 }),
        new("cost-model-sharegpt", "Cost model on the ShareGPT trace",
            "Which resource binds for LLaMA-2-70B on 8x A100 with ShareGPT's mean lengths, and every preset model's optimum.",
            new ServingThroughputParameters { Mode = ServingMode.CostModel, Workload = "sharegpt", DenseBatch = 0 }),
        new("cpu-real", "Tiny decoder served on this CPU",
            "A 4-layer LLaMA-style decoder (d=256, GQA 8/2) serving 128 requests of 64+64 tokens with a 128-token budget, sequential, " +
            "nano-batched and overlapped, 5 repetitions each. Takes a few minutes.",
            new ServingThroughputParameters { Mode = ServingMode.CpuReal }),
    ];
}
