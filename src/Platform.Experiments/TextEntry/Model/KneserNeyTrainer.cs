namespace Platform.Experiments.TextEntry.Model;

/// <summary>Counts the n-grams of tokenized sentences into a <see cref="KneserNeyModel"/>.</summary>
public static class KneserNeyTrainer
{
    public const int MinOrder = 1;
    public const int MaxOrder = 6;

    public static KneserNeyModel Train(Vocabulary vocabulary, IEnumerable<IReadOnlyList<string>> sentences, int order)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, MinOrder);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(order, MaxOrder);
        if (vocabulary.Count > NgramKey.MaxVocabulary)
        {
            throw new ArgumentException($"The vocabulary has {vocabulary.Count} words; at most {NgramKey.MaxVocabulary} fit an n-gram key.", nameof(vocabulary));
        }

        var raw = Enumerable.Range(0, order).Select(_ => new Dictionary<UInt128, int>()).ToArray();
        foreach (var sentence in sentences)
        {
            var ids = Ids(vocabulary, sentence);
            for (var end = 1; end < ids.Length; end++)
            {
                for (var k = 1; k <= order && end - k + 1 >= 0; k++)
                {
                    var key = NgramKey.Pack(ids.AsSpan(end - k + 1, k));
                    raw[k - 1][key] = raw[k - 1].GetValueOrDefault(key) + 1;
                }
            }
        }

        return new KneserNeyModel(vocabulary, Adjust(raw));
    }

    /// <summary>The sentence as ids between one &lt;s&gt; and one &lt;/s&gt;.</summary>
    public static int[] Ids(Vocabulary vocabulary, IReadOnlyList<string> sentence)
    {
        var ids = new int[sentence.Count + 2];
        ids[0] = Vocabulary.StartOfSentence;
        for (var i = 0; i < sentence.Count; i++)
        {
            ids[i + 1] = vocabulary.IdOf(sentence[i]);
        }

        ids[^1] = Vocabulary.EndOfSentence;
        return ids;
    }

    // Below the highest order an n-gram counts the distinct words seen before it (its continuation count), which is
    // what makes Kneser–Ney favour words that follow many contexts. N-grams that begin with <s> have no word before
    // them and keep their raw count.
    private static Dictionary<UInt128, int>[] Adjust(Dictionary<UInt128, int>[] raw)
    {
        var order = raw.Length;
        var adjusted = new Dictionary<UInt128, int>[order];
        adjusted[order - 1] = raw[order - 1];
        for (var k = order - 1; k >= 1; k--)
        {
            var counts = new Dictionary<UInt128, int>();
            foreach (var (key, count) in raw[k - 1])
            {
                if (StartsWithSentence(key, k))
                {
                    counts[key] = count;
                }
            }

            var mask = (UInt128.One << (16 * k)) - 1;
            foreach (var key in raw[k].Keys)
            {
                var tail = key & mask;
                if (!StartsWithSentence(tail, k))
                {
                    counts[tail] = counts.GetValueOrDefault(tail) + 1;
                }
            }

            adjusted[k - 1] = counts;
        }

        return adjusted;
    }

    private static bool StartsWithSentence(UInt128 key, int length) =>
        (int)(ushort)((key >> (16 * (length - 1))) & 0xFFFF) - 1 == Vocabulary.StartOfSentence;
}
