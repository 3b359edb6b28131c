namespace Platform.Experiments.TextEntry.Model;

/// <summary>
/// Conditions a model on the conversation: its distribution is mixed with a unigram cache of the words of the
/// previous turns, p = (1 − λ)·p_model + λ·p_cache. This is the cheap stand-in for an LLM reading the partner's
/// turn: a reply that reuses the partner's words becomes likelier. Both parts sum to one, so the mixture does too.
/// </summary>
public sealed class ContextualModel : ILanguageModel
{
    private readonly ILanguageModel _inner;
    private readonly Dictionary<int, double> _cache = [];
    private readonly double _weight;

    public ContextualModel(ILanguageModel inner, IEnumerable<int> contextWords, double weight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weight, 1);
        _inner = inner;
        var known = contextWords.Where(id => id > Vocabulary.StartOfSentence).ToList();
        foreach (var id in known)
        {
            _cache[id] = _cache.GetValueOrDefault(id) + 1.0 / known.Count;
        }

        _weight = known.Count == 0 ? 0 : weight;
    }

    public Vocabulary Vocabulary => _inner.Vocabulary;

    /// <summary>Whether the context changes anything (some known word and a positive weight).</summary>
    public bool IsActive => _weight > 0;

    public static ILanguageModel For(ILanguageModel inner, IEnumerable<IReadOnlyList<string>> contextTurns, double weight)
    {
        var ids = contextTurns.SelectMany(turn => turn).Select(inner.Vocabulary.IdOf).ToList();
        var model = new ContextualModel(inner, ids, weight);
        return model.IsActive ? model : inner;
    }

    public void LogProbs(IReadOnlyList<int> history, ReadOnlySpan<int> words, Span<double> logProbs)
    {
        _inner.LogProbs(history, words, logProbs);
        if (_weight == 0)
        {
            return;
        }

        for (var i = 0; i < words.Length; i++)
        {
            var p = (1 - _weight) * Math.Exp(logProbs[i]) + _weight * _cache.GetValueOrDefault(words[i]);
            logProbs[i] = Math.Log(p);
        }
    }
}
