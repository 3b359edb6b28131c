namespace Platform.Experiments.ServingThroughput.Hardware;

/// <summary>The paper's ported models (its evaluation setup; shapes from the public HF configs), by the names the parameters accept.</summary>
public static class ModelCatalog
{
    public const string Custom = "custom";

    public static IReadOnlyDictionary<string, ModelShape> Presets { get; } = new Dictionary<string, ModelShape>(StringComparer.Ordinal)
    {
        ["llama-2-70b"] = new("LLaMA-2-70B", 8192, 80, 64, 8, 28672, 32000),
        ["llama-3-70b"] = new("LLaMA-3-70B", 8192, 80, 64, 8, 28672, 128256),
        ["qwen2-72b"] = new("Qwen2-72B", 8192, 80, 64, 8, 29568, 152064),
        ["deepseek-67b"] = new("DeepSeek-67B", 8192, 95, 64, 8, 22016, 102400),
        ["mixtral-8x7b"] = new("Mixtral-8x7B", 4096, 32, 32, 8, 14336, 32000, Experts: 8, TopK: 2),
        ["llama-3-8b"] = new("LLaMA-3-8B", 4096, 32, 32, 8, 14336, 128256),
    };

    public static string[] Names { get; } = [.. Presets.Keys, Custom];
}
