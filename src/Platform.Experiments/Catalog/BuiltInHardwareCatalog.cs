namespace Platform.Experiments.Catalog;

/// <summary>
/// The catalogue the repository ships (Catalog/hardware-catalog.json), embedded in this assembly and also copied
/// beside it so that start-up can register the very same bytes as a built-in dataset.
/// </summary>
internal static class BuiltInHardwareCatalog
{
    public const string ResourceName = "Platform.Experiments.Catalog.hardware-catalog.json";

    private static readonly Lazy<HardwareCatalog> s_catalog = new(Load);

    public static HardwareCatalog Catalog => s_catalog.Value;

    private static HardwareCatalog Load()
    {
        using var stream = typeof(BuiltInHardwareCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var result = HardwareCatalogParser.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        return result.Catalog ?? throw new InvalidOperationException($"The built-in hardware catalogue is invalid: {string.Join(" ", result.Errors)}");
    }
}
