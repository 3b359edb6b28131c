using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Expansion;

/// <summary>
/// Expands an abbreviation by a beam search over a language model, constrained so that each word matches the next
/// typed initials (its whole signature, so can't consumes "ct") or starts with the next keyword. A keyword that is
/// no known word can still be used as typed, so spelling a rare word in full is never a dead end. Every finished
/// phrase pays for its end of sentence, so phrases are ranked as whole sentences.
/// </summary>
public sealed class AbbreviationExpander(ILanguageModel model, int beamWidth)
{
    private sealed record Hypothesis(int Segment, int Offset, int[] History, string[] Tokens, double LogProb);

    public IReadOnlyList<ExpansionCandidate> Expand(TypedAbbreviation typed, int topN)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topN, 1);
        if (typed.IsEmpty)
        {
            return [];
        }

        var finished = new List<ExpansionCandidate>();
        var beam = new List<Hypothesis> { new(0, 0, [Vocabulary.StartOfSentence], [], 0) };
        var scratch = new WordScratch();
        while (beam.Count > 0)
        {
            Prefetch(beam);
            var next = new List<Hypothesis>();
            foreach (var hypothesis in beam)
            {
                Extend(typed, hypothesis, scratch, next);
            }

            next.Sort((a, b) => b.LogProb.CompareTo(a.LogProb));
            beam = [];
            var complete = new List<Hypothesis>();
            foreach (var hypothesis in next)
            {
                if (hypothesis.Segment == typed.Segments.Count)
                {
                    complete.Add(hypothesis);
                }
                else if (beam.Count < beamWidth)
                {
                    beam.Add(hypothesis);
                }
            }

            Prefetch(complete);
            finished.AddRange(complete.Select(hypothesis => Finish(hypothesis, scratch)));
        }

        return [.. finished.OrderByDescending(c => c.LogProb).Take(topN)];
    }

    // A neural model scores all hypotheses of a step in one forward pass; the calls that follow are lookups.
    private void Prefetch(List<Hypothesis> hypotheses)
    {
        if (model is IBatchedLanguageModel batched && hypotheses.Count > 0)
        {
            batched.Prefetch([.. hypotheses.Select(h => (IReadOnlyList<int>)h.History)]);
        }
    }

    private void Extend(TypedAbbreviation typed, Hypothesis hypothesis, WordScratch scratch, List<Hypothesis> next)
    {
        var segment = typed.Segments[hypothesis.Segment];
        scratch.Clear();
        if (segment.IsKeyword)
        {
            AddKeywordWords(segment.Text, scratch);
        }
        else
        {
            AddInitialWords(segment.Text, hypothesis.Offset, scratch);
        }

        if (scratch.Count == 0)
        {
            return;
        }

        var logProbs = scratch.Score(model, hypothesis.History);
        for (var i = 0; i < scratch.Count; i++)
        {
            var (id, token, consumed) = scratch[i];
            var offset = hypothesis.Offset + consumed;
            var done = segment.IsKeyword || offset == segment.Text.Length;
            next.Add(new Hypothesis(
                done ? hypothesis.Segment + 1 : hypothesis.Segment,
                done ? 0 : offset,
                [.. hypothesis.History, id],
                [.. hypothesis.Tokens, token],
                hypothesis.LogProb + logProbs[i]));
        }
    }

    private void AddInitialWords(string run, int offset, WordScratch scratch)
    {
        var rest = run.AsSpan(offset);
        var vocabulary = model.Vocabulary;
        foreach (var id in vocabulary.StartingWith(rest[0]))
        {
            var signature = vocabulary.Signatures[id];
            if (rest.StartsWith(signature, StringComparison.Ordinal))
            {
                scratch.Add(id, vocabulary[id], signature.Length);
            }
        }

        // Numerals and punctuation are typed as they are, so they need no entry in the vocabulary.
        if (!char.IsLetter(rest[0]))
        {
            var literal = char.IsDigit(rest[0]) ? new string([.. rest.ToArray().TakeWhile(char.IsDigit)]) : rest[..1].ToString();
            if (!vocabulary.Contains(literal))
            {
                scratch.Add(Vocabulary.Unknown, literal, literal.Length);
            }
        }
    }

    private void AddKeywordWords(string keyword, WordScratch scratch)
    {
        var vocabulary = model.Vocabulary;
        foreach (var id in vocabulary.StartingWith(keyword[0]))
        {
            if (vocabulary[id].StartsWith(keyword, StringComparison.Ordinal))
            {
                scratch.Add(id, vocabulary[id], keyword.Length);
            }
        }

        if (!vocabulary.Contains(keyword))
        {
            scratch.Add(Vocabulary.Unknown, keyword, keyword.Length);
        }
    }

    private ExpansionCandidate Finish(Hypothesis hypothesis, WordScratch scratch)
    {
        scratch.Clear();
        scratch.Add(Vocabulary.EndOfSentence, "", 0);
        var end = scratch.Score(model, hypothesis.History)[0];
        return new ExpansionCandidate(hypothesis.Tokens, hypothesis.LogProb + end);
    }

    /// <summary>Reused buffers for the words one hypothesis may take next.</summary>
    private sealed class WordScratch
    {
        private readonly List<int> _ids = [];
        private readonly List<(string Token, int Consumed)> _words = [];
        private double[] _logProbs = new double[64];

        public int Count => _ids.Count;

        public (int Id, string Token, int Consumed) this[int i] => (_ids[i], _words[i].Token, _words[i].Consumed);

        public void Clear()
        {
            _ids.Clear();
            _words.Clear();
        }

        public void Add(int id, string token, int consumed)
        {
            _ids.Add(id);
            _words.Add((token, consumed));
        }

        public double[] Score(ILanguageModel model, IReadOnlyList<int> history)
        {
            if (_logProbs.Length < _ids.Count)
            {
                _logProbs = new double[_ids.Count * 2];
            }

            model.LogProbs(history, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_ids), _logProbs);
            return _logProbs;
        }
    }
}
