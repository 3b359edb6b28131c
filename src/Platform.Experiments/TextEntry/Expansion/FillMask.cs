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
        var choices = new List<int>();
        foreach (var id in vocabulary.StartingWith(initial))
        {
            if (id != ids[position] && char.IsLetter(vocabulary[id][0]))
            {
                choices.Add(id);
            }
        }

        // Only the words from the mask on change with the choice; the prefix's probability is common to all. The
        // choices advance word by word together, so a neural model scores each position in one batch.
        var histories = choices.Select(_ => new List<int>(prefix)).ToList();
        var totals = new double[choices.Count];
        Span<int> word = stackalloc int[1];
        Span<double> logProb = stackalloc double[1];
        for (var i = position; i <= ids.Length; i++)
        {
            if (model is IBatchedLanguageModel batched && histories.Count > 0)
            {
                batched.Prefetch(histories);
            }

            for (var c = 0; c < choices.Count; c++)
            {
                word[0] = i == position ? choices[c] : i < ids.Length ? ids[i] : Vocabulary.EndOfSentence;
                model.LogProbs(histories[c], word, logProb);
                totals[c] += logProb[0];
                histories[c].Add(word[0]);
            }
        }

        var scored = choices.Select((id, c) => (Word: vocabulary[id], LogProb: totals[c]));
        return [.. scored.OrderByDescending(s => s.LogProb).ThenBy(s => s.Word, StringComparer.Ordinal).Take(topM).Select(s => s.Word)];
    }
}
