using Platform.Experiments.TextEntry.Model;

namespace Platform.Experiments.TextEntry.Neural;

/// <summary>
/// A trained GRU that reads the conversation as a prefix: the previous turns, each between &lt;s&gt; and
/// &lt;/s&gt;, as in training. Owns the network.
/// </summary>
public sealed class GruDialogueModel(GruNetwork network, Vocabulary vocabulary) : IDialogueModel
{
    private GruLanguageModel? _alone;

    public GruNetwork Network => network;

    public Vocabulary Vocabulary => vocabulary;

    public string Description =>
        $"GRU (embedding {network.Shape.EmbeddingSize}, hidden {network.Shape.HiddenSize}), {vocabulary.Count} words";

    public ILanguageModel Alone => _alone ??= new GruLanguageModel(network, vocabulary, []);

    public ILanguageModel Given(IReadOnlyList<IReadOnlyList<string>> previousTurns) =>
        previousTurns.Any(t => t.Count > 0)
            ? new GruLanguageModel(network, vocabulary, DialogueStreams.Of(vocabulary, previousTurns))
            : Alone;

    public void Dispose() => network.Dispose();
}
