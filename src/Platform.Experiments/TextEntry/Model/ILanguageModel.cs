namespace Platform.Experiments.TextEntry.Model;

/// <summary>
/// A next-word model as the search and the keyboards use it: log-probabilities (natural log) of chosen words after
/// a history of word ids. The history starts with <see cref="Vocabulary.StartOfSentence"/>; an n-gram model looks at
/// its tail, a recurrent model at all of it.
/// </summary>
public interface ILanguageModel
{
    Vocabulary Vocabulary { get; }

    void LogProbs(IReadOnlyList<int> history, ReadOnlySpan<int> words, Span<double> logProbs);
}
