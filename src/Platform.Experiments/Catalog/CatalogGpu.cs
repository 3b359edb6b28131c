namespace Platform.Experiments.Catalog;

/// <summary>
/// One GPU of the hardware catalogue: spec-sheet figures. Tera and giga are powers of ten; the link bandwidth is per
/// GPU (or per neighbour) and per direction. Memory is optional: only the serving cost model needs it.
/// </summary>
/// <param name="Source">The datasheet the figures come from.</param>
public sealed record CatalogGpu(string Name, string Label, double Fp16Tflops, double HbmTBps, double? MemoryGB, double LinkGBps, string Source);
