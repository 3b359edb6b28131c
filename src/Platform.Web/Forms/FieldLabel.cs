using System.Text;

namespace Platform.Web.Forms;

/// <summary>A readable label from a camelCase parameter name: <c>copyBufferMiB</c> becomes "Copy buffer MiB".</summary>
public static class FieldLabel
{
    public static string Of(string name)
    {
        if (name.Length == 0)
        {
            return name;
        }

        var words = new List<string>();
        var start = 0;
        for (var i = 1; i < name.Length; i++)
        {
            if (StartsWord(name, i))
            {
                words.Add(name[start..i]);
                start = i;
            }
        }

        words.Add(name[start..]);
        var label = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            // Words like "Buffer" read as prose in lower case; acronyms ("MiB", "GPU") keep theirs.
            var word = words[i].Skip(1).Any(char.IsUpper) ? words[i] : words[i].ToLowerInvariant();
            label.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : " " + word);
        }

        return label.ToString();
    }

    /// <summary>A word starts at an upper-case letter after a lower-case one or a digit when it begins a
    /// Capitalised word ("Buffer") or an acronym that runs to the end or to the next word ("GPU", "MiB").</summary>
    private static bool StartsWord(string name, int i)
    {
        if (!char.IsUpper(name[i]) || !char.IsLetterOrDigit(name[i - 1]) || char.IsUpper(name[i - 1]))
        {
            return false;
        }

        var next = i + 1 < name.Length ? name[i + 1] : '\0';
        return char.IsLower(next) || char.IsUpper(next);
    }
}
