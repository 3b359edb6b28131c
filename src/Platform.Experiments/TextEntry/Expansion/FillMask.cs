using Platform.Experiments.TextEntry.Model;

namespace Platform.Experiments.TextEntry.Expansion;

/// <summary>
/// The paper's FillMask: for one word of an otherwise good phrase, proposes other words with the same initial,
/// ranked by how likely the whole phrase is with each of them in its place.
/// </summary>
public sealed class FillMask(ILanguageModel model)
{
    public IReadOnlyList<string> Propose(IReadOnlyList<string> tokens, int position, char initial, int topM)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, tokens.Count);
        var vocabulary = model.Vocabulary;
        var ids = tokens.Select(vocabulary.IdOf).ToArray();
        var prefix = new List<int> { Vocabulary.StartOfSentence };
        prefix.AddRange(ids.Take(position));
        Span<int> word = stackalloc int[1];
        Span<double> logProb = stackalloc double[1];
        var scored = new List<(string Word, double LogProb)>();
        foreach (var id in vocabulary.StartingWith(initial))
        {
            if (id == ids[position] || !char.IsLetter(vocabulary[id][0]))
            {
                continue;
            }

            // Only the words from the mask on change with the choice; the prefix's probability is common to all.
            var history = new List<int>(prefix) { id };
            word[0] = id;
            model.LogProbs(prefix, word, logProb);
            var total = logProb[0];
            for (var i = position + 1; i <= ids.Length; i++)
            {
                word[0] = i < ids.Length ? ids[i] : Vocabulary.EndOfSentence;
                model.LogProbs(history, word, logProb);
                total += logProb[0];
                history.Add(word[0]);
            }

            scored.Add((vocabulary[id], total));
        }

        return [.. scored.OrderByDescending(s => s.LogProb).ThenBy(s => s.Word, StringComparer.Ordinal).Take(topM).Select(s => s.Word)];
    }
}
