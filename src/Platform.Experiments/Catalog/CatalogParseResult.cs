namespace Platform.Experiments.Catalog;

/// <summary>A parsed catalogue, or the problems that stopped it, each naming its path (<c>models[2].kvHeads ...</c>).</summary>
public sealed record CatalogParseResult(HardwareCatalog? Catalog, IReadOnlyList<string> Errors);
