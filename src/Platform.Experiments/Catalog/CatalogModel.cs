namespace Platform.Experiments.Catalog;

/// <summary>
/// One model of the hardware catalogue. Only the hidden size is needed by every family; the serving cost model also
/// needs layers, heads, KV heads, FFN width and vocabulary, and says so at submission when an entry lacks them.
/// </summary>
/// <param name="FfnSize">FFN width per expert (the gated FFN's inner dimension).</param>
/// <param name="ExpertsPerToken">Experts each token is routed to (1 for a dense model).</param>
/// <param name="Source">The model card, config or paper the figures come from.</param>
public sealed record CatalogModel(
    string Name, string Label, int HiddenSize, int? Layers, int? Heads, int? KvHeads, int? FfnSize, int? Vocab,
    int Experts, int ExpertsPerToken, string Source);
