using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>
/// A phrase to enter: one turn of a test dialogue, with the turns before it as its only context. <see cref="Turn"/>
/// is its position in the dialogue (0 = the opening turn, 1 = the reply to it).
/// </summary>
public sealed record TestPhrase(IReadOnlyList<string> Tokens, IReadOnlyList<IReadOnlyList<string>> Context)
{
    public int Turn { get; init; }

    public string Text => PhraseText.Render(Tokens);

    public string Abbreviation => AbbreviationRules.Abbreviate(Tokens);

    /// <summary>Every turn of the dialogues as a phrase, in order, with up to <paramref name="contextTurns"/> turns before it.</summary>
    public static IEnumerable<TestPhrase> From(IEnumerable<Dialogue> dialogues, int contextTurns)
    {
        foreach (var dialogue in dialogues)
        {
            var turns = dialogue.Turns.Select(PhraseText.Tokenize).ToList();
            for (var t = 0; t < turns.Count; t++)
            {
                if (turns[t].Count > 0)
                {
                    var first = Math.Max(0, t - contextTurns);
                    yield return new TestPhrase(turns[t], turns.GetRange(first, t - first)) { Turn = t };
                }
            }
        }
    }

    /// <summary>
    /// The phrases of <paramref name="dialogues"/> that are no training turn: a phrase the model was trained on would
    /// measure memory, not expansion. A corpus split by script has none to drop; an uploaded one may.
    /// </summary>
    public static IEnumerable<TestPhrase> HeldOut(IEnumerable<Dialogue> dialogues, IEnumerable<Dialogue> training, int contextTurns)
    {
        var seen = training.SelectMany(d => d.Turns).Select(t => PhraseText.Render(PhraseText.Tokenize(t))).ToHashSet(StringComparer.Ordinal);
        return From(dialogues, contextTurns).Where(p => !seen.Contains(p.Text));
    }
}
