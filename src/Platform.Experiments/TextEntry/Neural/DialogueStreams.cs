using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Neural;

/// <summary>
/// A dialogue as one token stream, each turn between &lt;s&gt; and &lt;/s&gt;: &lt;s&gt; a b &lt;/s&gt; &lt;s&gt; c d &lt;/s&gt;.
/// Trained on whole dialogues, the network learns to carry the previous turns into the next, and at inference the
/// previous turns are fed in the same form as a prefix.
/// </summary>
public static class DialogueStreams
{
    public static int[] Of(Vocabulary vocabulary, IEnumerable<IReadOnlyList<string>> turns) =>
        [.. turns.Where(t => t.Count > 0).SelectMany(t => KneserNeyTrainer.Ids(vocabulary, t))];

    public static int[] Of(Vocabulary vocabulary, Dialogue dialogue) => Of(vocabulary, dialogue.Turns.Select(PhraseText.Tokenize));
}
