namespace Platform.Experiments.Contract;

/// <summary>The paper a family comes from, as shown beside its results.</summary>
public sealed record PaperReference(string Title, int Year, string Claim, string? Url = null);
