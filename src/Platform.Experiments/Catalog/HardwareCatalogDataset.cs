using System.Runtime.CompilerServices;
using Platform.Experiments.Contract;

namespace Platform.Experiments.Catalog;

/// <summary>
/// The hardware catalogue as a dataset: the format a family's <c>catalog</c> parameter accepts, the built-in file's
/// registration, and reading an uploaded one (bounded: the size is checked before a byte is read).
/// </summary>
public static class HardwareCatalogDataset
{
    public const string Format = "hardware-catalog";

    /// <summary>Where the build copies the repository's file, relative to the application's directory.</summary>
    public const string BuiltInPath = "datasets/hardware-catalog.json";

    public static BuiltInDataset BuiltIn { get; } = new(
        "Hardware catalogue (model shapes and GPU specs)",
        Format,
        "MIT (the Platform project's own file; each figure cites its public model card, paper or datasheet in its source field)",
        "src/Platform.Experiments/Catalog/hardware-catalog.json in this repository",
        "The model shapes and GPU spec-sheet figures serving-throughput and comm-overlap use. Upload a file of this format " +
        "to add a model or GPU, or to replace one by name; see docs/datasets.md.",
        BuiltInPath);

    /// <summary>The built-in catalogue extended by the dataset <paramref name="id"/> (when given); throws when it cannot be read.</summary>
    public static async Task<HardwareCatalog> LoadAsync(Guid? id, IDatasetReader datasets, CancellationToken cancellationToken)
    {
        if (id is not { } datasetId)
        {
            return HardwareCatalog.BuiltIn;
        }

        var result = await ReadAsync(datasetId, datasets, cancellationToken);
        return result.Catalog is { } uploaded
            ? HardwareCatalog.BuiltIn.ExtendedBy(uploaded)
            : throw new InvalidOperationException($"Dataset {datasetId} is not a valid hardware catalogue: {string.Join(" ", result.Errors)}");
    }

    public static async Task<CatalogParseResult> ReadAsync(Guid id, IDatasetReader datasets, CancellationToken cancellationToken)
    {
        await using var content = await datasets.OpenAsync(id, cancellationToken);
        if (content is null)
        {
            return new CatalogParseResult(null, [$"There is no dataset with id {id}."]);
        }
        if (content.Length > HardwareCatalogParser.MaxBytes)
        {
            return new CatalogParseResult(null, [HardwareCatalogParser.TooLarge(content.Length)]);
        }

        var bytes = new byte[content.Length];
        await content.Stream.ReadExactlyAsync(bytes, cancellationToken);
        return HardwareCatalogParser.Parse(bytes);
    }

    /// <summary>
    /// A family's check of its <c>catalog</c> parameter: the file must parse (else one problem naming <c>catalog</c>),
    /// then <paramref name="names"/> checks the names the run picks against the built-in catalogue extended by it (or the
    /// built-in one alone when no catalogue is chosen).
    /// </summary>
    public static async IAsyncEnumerable<(string Field, string Message)> ValidateAsync(
        Guid? id, IDatasetReader datasets, Func<HardwareCatalog, IEnumerable<(string Field, string Message)>> names,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (id is not { } datasetId)
        {
            yield break;
        }

        var parsed = await ReadAsync(datasetId, datasets, cancellationToken);
        if (parsed.Catalog is null)
        {
            yield return ("catalog", string.Join(" ", parsed.Errors));
            yield break;
        }

        foreach (var problem in names(HardwareCatalog.BuiltIn.ExtendedBy(parsed.Catalog)))
        {
            yield return problem;
        }
    }
}
