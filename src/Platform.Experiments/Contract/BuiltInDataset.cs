namespace Platform.Experiments.Contract;

/// <summary>
/// A file the platform registers as a dataset at start-up (idempotently, by its SHA-256): something the repository
/// ships or the set-up command fetches into a cache. Register one with <c>services.AddSingleton(new BuiltInDataset(...))</c>
/// or under <c>Datasets:BuiltIn</c> in configuration. A missing file is logged and skipped, never fatal.
/// </summary>
/// <param name="Path">Absolute, or relative to the application's base directory; <c>~</c> and environment variables are expanded.</param>
/// <param name="Licence">The licence text (or its SPDX id and copyright line), stored with the dataset.</param>
/// <param name="Source">Where the bytes come from: package and version, or URL.</param>
public sealed record BuiltInDataset(string Name, string Format, string Licence, string Source, string? Description, string Path)
{
    public BuiltInDataset()
        : this("", "", "", "", null, "")
    {
    }
}
