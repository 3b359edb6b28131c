using System.Text;

namespace Platform.Experiments.TextEntry.Text;

/// <summary>
/// Turns free text into the tokens the models and the abbreviation rules work on: lowercase words (apostrophes
/// kept inside, so "can't" is one word), digit runs, and single punctuation marks.
/// </summary>
public static class PhraseText
{
    /// <summary>Tokens of <paramref name="text"/> with sentence-final punctuation dropped, as the abbreviation scheme does.</summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw == '\u2019' ? '\'' : raw);
            if (char.IsLetterOrDigit(c) || (c == '\'' && word.Length > 0))
            {
                word.Append(c);
                continue;
            }

            Flush(word, tokens);
            if (!char.IsWhiteSpace(c) && !char.IsControl(c) && c != '\'')
            {
                tokens.Add(c.ToString());
            }
        }

        Flush(word, tokens);
        while (tokens.Count > 0 && IsPunctuation(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return tokens;
    }

    /// <summary>Tokens back to text: words separated by spaces, punctuation attached to the word before it.</summary>
    public static string Render(IEnumerable<string> tokens)
    {
        var text = new StringBuilder();
        foreach (var token in tokens)
        {
            if (text.Length > 0 && !IsPunctuation(token))
            {
                text.Append(' ');
            }

            text.Append(token);
        }

        return text.ToString();
    }

    public static bool IsPunctuation(string token) => token.Length == 1 && !char.IsLetterOrDigit(token[0]);

    private static void Flush(StringBuilder word, List<string> tokens)
    {
        // A trailing apostrophe ("runnin'") carries no letter of its own, so it is not part of the word.
        var text = word.ToString().TrimEnd('\'');
        if (text.Length > 0)
        {
            tokens.Add(text);
        }

        word.Clear();
    }
}
