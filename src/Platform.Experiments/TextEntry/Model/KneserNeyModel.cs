namespace Platform.Experiments.TextEntry.Model;

/// <summary>
/// A word n-gram model with interpolated Kneser–Ney smoothing (one absolute discount per order, Ney's estimate
/// n1 / (n1 + 2 n2)). <see cref="Counts"/>[k-1] holds the k-gram counts the estimate uses: raw counts at the highest
/// order and for n-grams that start the sentence, continuation counts (distinct left neighbours) below. The lowest
/// order interpolates with the uniform distribution, so every word, even &lt;unk&gt;, has some mass.
/// </summary>
public sealed class KneserNeyModel : ILanguageModel
{
    private readonly Dictionary<UInt128, int>[] _counts;
    private readonly Dictionary<UInt128, (int Total, int Distinct)>[] _histories;
    private readonly double[] _discounts;
    private readonly double _uniform;

    public KneserNeyModel(Vocabulary vocabulary, IReadOnlyList<Dictionary<UInt128, int>> counts)
    {
        Vocabulary = vocabulary;
        Order = counts.Count;
        _counts = [.. counts];
        _histories = new Dictionary<UInt128, (int, int)>[Order];
        _discounts = new double[Order];
        for (var k = 1; k <= Order; k++)
        {
            _histories[k - 1] = HistoryStats(_counts[k - 1]);
            _discounts[k - 1] = Discount(_counts[k - 1]);
        }

        // Every id but <s> can be predicted.
        _uniform = 1.0 / (vocabulary.Count - 1);
    }

    public Vocabulary Vocabulary { get; }

    public int Order { get; }

    public IReadOnlyList<IReadOnlyDictionary<UInt128, int>> Counts => _counts;

    public IReadOnlyList<double> Discounts => _discounts;

    /// <summary>
    /// The function words: the tenth of the vocabulary (at most 100) that follows the most distinct words. Context
    /// conditioning skips them, since "the" or "you" in the partner's turn says nothing about the reply.
    /// </summary>
    public IReadOnlySet<int> CommonWords => _commonWords ??= FindCommonWords();

    private HashSet<int>? _commonWords;

    private HashSet<int> FindCommonWords()
    {
        var take = Math.Min(100, Vocabulary.Count / 10);
        return [.. _counts[0].OrderByDescending(e => e.Value).ThenBy(e => e.Key).Take(take).Select(e => NgramKey.Unpack(e.Key, 1)[0])];
    }

    public void LogProbs(IReadOnlyList<int> history, ReadOnlySpan<int> words, Span<double> logProbs)
    {
        var orders = Math.Min(Order, history.Count + 1);
        Span<UInt128> keys = stackalloc UInt128[orders];
        Span<double> totals = stackalloc double[orders];
        Span<double> backoffs = stackalloc double[orders];
        for (var k = 1; k <= orders; k++)
        {
            var context = history.Count - (k - 1);
            var key = (UInt128)0;
            for (var i = context; i < history.Count; i++)
            {
                key = NgramKey.Extend(key, history[i]);
            }

            keys[k - 1] = key;
            if (_histories[k - 1].TryGetValue(key, out var stats))
            {
                totals[k - 1] = stats.Total;
                backoffs[k - 1] = _discounts[k - 1] * stats.Distinct / stats.Total;
            }
        }

        for (var w = 0; w < words.Length; w++)
        {
            var p = _uniform;
            for (var k = 1; k <= orders; k++)
            {
                if (totals[k - 1] == 0)
                {
                    continue;
                }

                _counts[k - 1].TryGetValue(NgramKey.Extend(keys[k - 1], words[w]), out var count);
                p = Math.Max(count - _discounts[k - 1], 0) / totals[k - 1] + backoffs[k - 1] * p;
            }

            logProbs[w] = Math.Log(p);
        }
    }

    private static Dictionary<UInt128, (int, int)> HistoryStats(Dictionary<UInt128, int> counts)
    {
        var stats = new Dictionary<UInt128, (int Total, int Distinct)>();
        foreach (var (key, count) in counts)
        {
            var history = key >> 16;
            stats.TryGetValue(history, out var s);
            stats[history] = (s.Total + count, s.Distinct + 1);
        }

        return stats;
    }

    private static double Discount(Dictionary<UInt128, int> counts)
    {
        var n1 = counts.Values.Count(c => c == 1);
        var n2 = counts.Values.Count(c => c == 2);
        return n1 + 2 * n2 == 0 ? 0.5 : Math.Clamp((double)n1 / (n1 + 2 * n2), 0.1, 0.9);
    }
}
