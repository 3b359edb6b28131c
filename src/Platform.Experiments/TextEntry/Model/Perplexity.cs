namespace Platform.Experiments.TextEntry.Model;

/// <summary>Per-word perplexity of sentences, counting the end of each sentence as a word.</summary>
public static class Perplexity
{
    public static double Of(IEnumerable<(ILanguageModel Model, IReadOnlyList<string> Sentence)> items)
    {
        var logLoss = 0.0;
        var words = 0;
        Span<int> word = stackalloc int[1];
        Span<double> logProb = stackalloc double[1];
        foreach (var (model, sentence) in items)
        {
            var ids = KneserNeyTrainer.Ids(model.Vocabulary, sentence);
            var history = new List<int> { ids[0] };
            for (var i = 1; i < ids.Length; i++)
            {
                word[0] = ids[i];
                model.LogProbs(history, word, logProb);
                logLoss -= logProb[0];
                words++;
                history.Add(ids[i]);
            }
        }

        return words == 0 ? double.NaN : Math.Exp(logLoss / words);
    }
}
