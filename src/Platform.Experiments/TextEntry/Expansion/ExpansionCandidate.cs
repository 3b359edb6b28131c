using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Expansion;

/// <summary>One expansion of an abbreviation: its tokens and their log-probability under the model (natural log).</summary>
public sealed record ExpansionCandidate(IReadOnlyList<string> Tokens, double LogProb)
{
    public string Text => PhraseText.Render(Tokens);

    public bool Matches(IReadOnlyList<string> target) => Tokens.SequenceEqual(target, StringComparer.Ordinal);
}
