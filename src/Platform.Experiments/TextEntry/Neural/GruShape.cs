namespace Platform.Experiments.TextEntry.Neural;

/// <summary>The sizes that fix a <see cref="GruNetwork"/>'s weights (what a saved model must restore first).</summary>
public sealed record GruShape(int Vocabulary, int EmbeddingSize, int HiddenSize);
