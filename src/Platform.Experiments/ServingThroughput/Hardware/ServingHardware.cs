using Platform.Experiments.Catalog;

namespace Platform.Experiments.ServingThroughput.Hardware;

/// <summary>
/// Catalogue entries as the cost model's shapes and specs. An entry without the fields the serving cost model needs
/// (a comm-overlap model has only its hidden size, layers and heads; a simulated GPU has no memory) has none.
/// </summary>
public static class ServingHardware
{
    public static ModelShape? Shape(CatalogModel m) =>
        m is { Layers: { } layers, Heads: { } heads, KvHeads: { } kvHeads, FfnSize: { } ffn, Vocab: { } vocab }
            ? new ModelShape(m.Label, m.HiddenSize, layers, heads, kvHeads, ffn, vocab, m.Experts, m.ExpertsPerToken)
            : null;

    public static GpuSpec? Spec(CatalogGpu g) =>
        g.MemoryGB is { } memory ? new GpuSpec(g.Label, g.Fp16Tflops, g.HbmTBps, memory, g.LinkGBps) : null;

    /// <summary>Why <paramref name="m"/> cannot be served, or null when it can.</summary>
    public static string? Lacks(CatalogModel m) => Shape(m) is null
        ? $"Model '{m.Name}' lacks layers, heads, kvHeads, ffnSize or vocab, which the serving cost model needs."
        : null;

    public static string? Lacks(CatalogGpu g) => Spec(g) is null
        ? $"GPU '{g.Name}' lacks memoryGB, which the serving cost model needs."
        : null;
}
