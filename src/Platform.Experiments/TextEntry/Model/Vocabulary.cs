using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Model;

/// <summary>
/// Word ↔ id, with the abbreviation signature of every word and the words grouped by the first character of their
/// signature, so a search step only scores words that can match the next typed letter.
/// </summary>
public sealed class Vocabulary
{
    public const int Unknown = 0;
    public const int EndOfSentence = 1;
    public const int StartOfSentence = 2;

    private readonly List<string> _words;
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<char, int[]> _bySignatureStart;

    public Vocabulary(IEnumerable<string> words)
    {
        _words = ["<unk>", "</s>", "<s>"];
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _words.Count; i++)
        {
            _ids[_words[i]] = i;
        }

        foreach (var word in words)
        {
            if (word.Length > 0 && _ids.TryAdd(word, _words.Count))
            {
                _words.Add(word);
            }
        }

        Signatures = _words.Select((word, id) => id <= StartOfSentence ? "" : AbbreviationRules.Signature(word)).ToArray();
        _bySignatureStart = Enumerable.Range(StartOfSentence + 1, _words.Count - StartOfSentence - 1)
            .GroupBy(id => Signatures[id][0])
            .ToDictionary(group => group.Key, group => group.ToArray());
    }

    public int Count => _words.Count;

    /// <summary>The abbreviation each word id contributes; empty for the markers.</summary>
    public IReadOnlyList<string> Signatures { get; }

    public IReadOnlyList<string> Words => _words;

    public string this[int id] => _words[id];

    public int IdOf(string word) => _ids.TryGetValue(word, out var id) ? id : Unknown;

    public bool Contains(string word) => _ids.ContainsKey(word);

    /// <summary>Ids of the words whose signature starts with <paramref name="first"/> (the first letter of a word).</summary>
    public ReadOnlySpan<int> StartingWith(char first) =>
        _bySignatureStart.TryGetValue(first, out var ids) ? ids : ReadOnlySpan<int>.Empty;

    /// <summary>Every real word (no markers), for scoring a whole distribution.</summary>
    public IEnumerable<int> WordIds => Enumerable.Range(StartOfSentence + 1, _words.Count - StartOfSentence - 1);
}
