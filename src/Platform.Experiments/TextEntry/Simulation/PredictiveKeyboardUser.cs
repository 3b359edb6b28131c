using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>
/// The baseline: a perfect user of a keyboard with word completion and next-word prediction (a Gboard-like strip of
/// <c>suggestions</c> words from the same language model, given the preceding words of the phrase and no
/// conversation). Before each letter the user checks the strip and selects the word as soon as it is there; a
/// selection inserts the word and a space. A word typed in full is followed by a typed space.
/// </summary>
public sealed class PredictiveKeyboardUser(ILanguageModel model, int suggestions, ActionCosts costs)
{
    public PhraseOutcome Enter(IReadOnlyList<string> target, TypingNoise? noise = null)
    {
        var log = new ActionLog(costs, noise);
        var vocabulary = model.Vocabulary;
        var history = new List<int> { Vocabulary.StartOfSentence };
        var needSpace = false;
        foreach (var token in target)
        {
            if (PhraseText.IsPunctuation(token))
            {
                // Keyboards attach punctuation to the word before, taking back an automatic space.
                log.Type(token);
                needSpace = true;
            }
            else
            {
                if (needSpace)
                {
                    log.Type(' ');
                }

                needSpace = !EnterWord(token, history, log);
            }

            history.Add(vocabulary.IdOf(token));
        }

        return new PhraseOutcome(PhraseText.Render(target).Length, log.Cost, log.Actions, ResolutionPath.Spelled, -1, []);
    }

    /// <summary>Types <paramref name="word"/> until the strip offers it; true when it was selected from the strip.</summary>
    private bool EnterWord(string word, List<int> history, ActionLog log)
    {
        for (var typed = 0; typed < word.Length; typed++)
        {
            if (Suggest(history, word[..typed]).Contains(word, StringComparer.Ordinal))
            {
                log.Add(ActionKind.SelectSuggestion);
                return true;
            }

            log.Type(word[typed]);
        }

        return false;
    }

    /// <summary>The strip: the likeliest words that start with <paramref name="prefix"/>, best first.</summary>
    public IReadOnlyList<string> Suggest(IReadOnlyList<int> history, string prefix)
    {
        var vocabulary = model.Vocabulary;
        int[] ids = prefix.Length == 0
            ? [.. vocabulary.WordIds.Where(id => !PhraseText.IsPunctuation(vocabulary[id]))]
            : [.. vocabulary.StartingWith(prefix[0]).ToArray().Where(id => vocabulary[id].StartsWith(prefix, StringComparison.Ordinal))];
        var logProbs = new double[ids.Length];
        model.LogProbs(history, ids, logProbs);
        return [.. Enumerable.Range(0, ids.Length)
            .OrderByDescending(i => logProbs[i]).ThenBy(i => ids[i])
            .Take(suggestions)
            .Select(i => vocabulary[ids[i]])];
    }
}
