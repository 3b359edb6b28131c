namespace Platform.Experiments.TextEntry.Model;

/// <summary>
/// Conditions a model on the conversation: every word of the previous turns becomes (1 + β) times likelier, and the
/// distribution is renormalised, p'(w|h) = p(w|h)·(1 + β·[w ∈ context]) / (1 + β·Σ_{c ∈ context} p(c|h)). This is the
/// cheap stand-in for an LLM reading the partner's turn: among the words the n-gram finds plausible here, the ones
/// the partner just used move up, while words the n-gram rules out stay unlikely. The normaliser needs only the
/// context words' probabilities, so the result sums to one at no more than one extra lookup per context word.
/// </summary>
public sealed class ContextualModel : ILanguageModel
{
    private readonly ILanguageModel _inner;
    private readonly HashSet<int> _context;
    private readonly int[] _contextIds;
    private readonly double _boost;

    public ContextualModel(ILanguageModel inner, IEnumerable<int> contextWords, double boost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(boost);
        _inner = inner;
        _context = [.. contextWords.Where(id => id > Vocabulary.StartOfSentence)];
        _contextIds = [.. _context];
        _boost = _context.Count == 0 ? 0 : boost;
    }

    public Vocabulary Vocabulary => _inner.Vocabulary;

    /// <summary>Whether the context changes anything (some known word and a positive boost).</summary>
    public bool IsActive => _boost > 0;

    /// <summary>
    /// The model conditioned on the content words of <paramref name="contextTurns"/> (all but
    /// <paramref name="commonWords"/>), or the model itself when that changes nothing.
    /// </summary>
    public static ILanguageModel For(ILanguageModel inner, IEnumerable<IReadOnlyList<string>> contextTurns, double boost, IReadOnlySet<int>? commonWords = null)
    {
        var ids = contextTurns.SelectMany(turn => turn).Select(inner.Vocabulary.IdOf).Where(id => commonWords?.Contains(id) != true);
        var model = new ContextualModel(inner, ids, boost);
        return model.IsActive ? model : inner;
    }

    public void LogProbs(IReadOnlyList<int> history, ReadOnlySpan<int> words, Span<double> logProbs)
    {
        _inner.LogProbs(history, words, logProbs);
        if (_boost == 0)
        {
            return;
        }

        Span<double> contextLogProbs = _contextIds.Length <= 256 ? stackalloc double[_contextIds.Length] : new double[_contextIds.Length];
        _inner.LogProbs(history, _contextIds, contextLogProbs);
        var mass = 0.0;
        foreach (var logProb in contextLogProbs)
        {
            mass += Math.Exp(logProb);
        }

        var logNormaliser = Math.Log(1 + _boost * mass);
        var logBoost = Math.Log(1 + _boost);
        for (var i = 0; i < words.Length; i++)
        {
            logProbs[i] += (_context.Contains(words[i]) ? logBoost : 0) - logNormaliser;
        }
    }
}
