namespace Platform.Experiments.Catalog;

/// <summary>
/// The fields of a model and a GPU entry, with the ranges a real one falls in (wide enough for today's largest models
/// and accelerators, narrow enough that a unit slip, such as TB/s given in GB/s, is refused).
/// </summary>
internal static class CatalogEntryRules
{
    public static readonly string[] ModelFields =
        ["name", "label", "hiddenSize", "layers", "heads", "kvHeads", "ffnSize", "vocab", "experts", "expertsPerToken", "source"];

    public static readonly string[] GpuFields = ["name", "label", "fp16Tflops", "hbmTBps", "memoryGB", "linkGBps", "source"];

    public static CatalogModel? Model(CatalogEntryReader entry)
    {
        var name = entry.Name();
        var label = entry.Text("label", CatalogEntryReader.MaxNameLength, required: false);
        var hidden = entry.Integer("hiddenSize", 64, 32768, required: true);
        var layers = entry.Integer("layers", 1, 1024, required: false);
        var heads = entry.Integer("heads", 1, 1024, required: false);
        var kvHeads = entry.Integer("kvHeads", 1, 1024, required: false);
        var ffn = entry.Integer("ffnSize", 64, 262144, required: false);
        var vocab = entry.Integer("vocab", 256, 1048576, required: false);
        var experts = entry.Integer("experts", 1, 1024, required: false);
        var perToken = entry.Integer("expertsPerToken", 1, 1024, required: false);
        var source = entry.Text("source", CatalogEntryReader.MaxSourceLength, required: true);
        entry.RejectUnknown(ModelFields);

        var ok = name is not null && hidden is not null && source is not null;
        if (heads is { } h && hidden is { } d && d % h != 0)
            ok = Fail(entry, "heads", $"must divide hiddenSize ({d}); got {h}");
        if (kvHeads is { } kv && heads is null)
            ok = Fail(entry, "heads", "is needed with kvHeads");
        if (kvHeads is { } k && heads is { } q && q % k != 0)
            ok = Fail(entry, "kvHeads", $"must divide heads ({q}); got {k}");
        if (perToken is { } top && top > (experts ?? 1))
            ok = Fail(entry, "expertsPerToken", $"must not exceed experts ({experts ?? 1}); got {top}");

        return ok
            ? new CatalogModel(name!, label ?? name!, hidden!.Value, layers, heads, kvHeads, ffn, vocab, experts ?? 1, perToken ?? 1, source!)
            : null;
    }

    public static CatalogGpu? Gpu(CatalogEntryReader entry)
    {
        var name = entry.Name();
        var label = entry.Text("label", CatalogEntryReader.MaxNameLength, required: false);
        var tflops = entry.Number("fp16Tflops", 1, 100000, required: true);
        var hbm = entry.Number("hbmTBps", 0.01, 100, required: true);
        var memory = entry.Number("memoryGB", 1, 10000, required: false);
        var link = entry.Number("linkGBps", 1, 100000, required: true);
        var source = entry.Text("source", CatalogEntryReader.MaxSourceLength, required: true);
        entry.RejectUnknown(GpuFields);

        return name is not null && tflops is not null && hbm is not null && link is not null && source is not null
            ? new CatalogGpu(name, label ?? name, tflops.Value, hbm.Value, memory, link.Value, source)
            : null;
    }

    private static bool Fail(CatalogEntryReader entry, string field, string message)
    {
        entry.Fail(field, message);
        return false;
    }
}
