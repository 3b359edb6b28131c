using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>A phrase to enter: one turn of a test dialogue, with the turns before it as its only context.</summary>
public sealed record TestPhrase(IReadOnlyList<string> Tokens, IReadOnlyList<IReadOnlyList<string>> Context)
{
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
                    yield return new TestPhrase(turns[t], turns.GetRange(first, t - first));
                }
            }
        }
    }
}
