namespace Platform.Experiments.TextEntry.Neural;

/// <summary>
/// One history in a <see cref="GruLanguageModel"/>'s cache: the GRU state after reading it and the log-probabilities
/// of every next word. Children extend the history by one word, so a beam's hypotheses share their common prefix.
/// </summary>
internal sealed class HistoryNode(float[] hidden, float[]? logProbs)
{
    public float[] Hidden { get; } = hidden;

    /// <summary>Null only at the root, which has read the prefix but no word of the phrase.</summary>
    public float[]? LogProbs { get; } = logProbs;

    public Dictionary<int, HistoryNode> Children { get; } = [];
}
