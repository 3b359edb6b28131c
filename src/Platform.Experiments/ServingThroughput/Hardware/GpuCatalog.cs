namespace Platform.Experiments.ServingThroughput.Hardware;

/// <summary>Dense FP16 spec-sheet figures (vendor data sheets); NVLink bandwidth per direction.</summary>
public static class GpuCatalog
{
    public const string Custom = "custom";

    public static IReadOnlyDictionary<string, GpuSpec> Presets { get; } = new Dictionary<string, GpuSpec>(StringComparer.Ordinal)
    {
        ["a100-80g"] = new("A100-80G-SXM", 312, 2.039, 80, 300),
        ["a100-40g"] = new("A100-40G-SXM", 312, 1.555, 40, 300),
        ["h100"] = new("H100-SXM", 989, 3.35, 80, 450),
        ["h200"] = new("H200", 989, 4.8, 141, 450),
    };

    public static string[] Names { get; } = [.. Presets.Keys, Custom];
}
