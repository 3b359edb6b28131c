using System.Text;

namespace Platform.Experiments.TextEntry.Text;

/// <summary>
/// The initials-only abbreviation scheme of Cai et al. (NAACL 2022, §3): one lowercase letter per word, a word with
/// an apostrophe gives one letter per part (can't → ct), numerals stay as they are, punctuation inside the sentence
/// stays and punctuation at its end is dropped.
/// </summary>
public static class AbbreviationRules
{
    /// <summary>What one token contributes to an abbreviation: its signature.</summary>
    public static string Signature(string token)
    {
        if (token.Length == 0)
        {
            return token;
        }

        if (PhraseText.IsPunctuation(token) || token.Any(char.IsDigit))
        {
            return token;
        }

        var signature = new StringBuilder();
        foreach (var part in token.Split('\'', StringSplitOptions.RemoveEmptyEntries))
        {
            signature.Append(char.ToLowerInvariant(part[0]));
        }

        return signature.ToString();
    }

    public static string Abbreviate(IEnumerable<string> tokens) => string.Concat(tokens.Select(Signature));

    public static string Abbreviate(string phrase) => Abbreviate(PhraseText.Tokenize(phrase));
}
