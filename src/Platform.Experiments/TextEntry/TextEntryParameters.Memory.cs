using Platform.Experiments.Contract;
using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Text;
using static Platform.Experiments.Contract.MemoryEstimate;

namespace Platform.Experiments.TextEntry;

public sealed partial class TextEntryParameters : IEstimatesPeakMemory
{
    /// <summary>Synthetic dialogues generated to measure their words; the count scales linearly, the vocabulary does not grow.</summary>
    private const int SyntheticSample = 500;

    /// <summary>A Dictionary&lt;UInt128, int&gt; entry (key, value, hash, next) with the table's doubling slack.</summary>
    private const int NgramEntryBytes = 48;

    /// <summary>A token string and the reference to it.</summary>
    private const int TokenBytes = 32;

    /// <remarks>
    /// Measured on the corpus itself: the upload as parsed, or a sample of the generator. The n-gram model counts at
    /// most order n-grams per word. The GRU keeps its weights with gradients and Adam's moments; a training batch pads
    /// every dialogue to the longest and computes, per token, logits over the vocabulary, their log-softmax and gradient.
    /// </remarks>
    public MemoryEstimate EstimatePeakMemory()
    {
        var corpus = CorpusStatistics.Of(this);
        var parts = new List<MemoryPart>
        {
            new("corpus text and tokens", (4.0 * corpus.Characters) + (TokenBytes * corpus.Words), corpus.SizeField),
        };
        if (ModelType == LanguageModelType.Ngram)
        {
            parts.Add(new("n-gram counts", (double)NgramOrder * corpus.Words * NgramEntryBytes, "ngramOrder", corpus.SizeField));
            return new MemoryEstimate(parts);
        }

        double v = corpus.Vocabulary, e = GruEmbeddingSize, h = GruHiddenSize;
        var weights = (v * e) + (3 * h * (e + h)) + (6 * h) + (h * v) + v;
        parts.Add(new("GRU weights, gradients and optimiser state", 4 * weights * Float32, "gruEmbeddingSize", "gruHiddenSize", corpus.SizeField));
        parts.Add(new("GRU training batch (logits over the vocabulary)",
            (double)GruBatchSize * corpus.LongestDialogue * ((3 * v) + (4 * h) + e) * Float32, "gruBatchSize", corpus.SizeField));
        parts.Add(new("beam search logits", 2.0 * BeamWidth * v * Float32, "beamWidth"));
        return new MemoryEstimate(parts);
    }

    /// <summary>Characters, words, distinct words and the longest dialogue's token stream (each turn between &lt;s&gt; and &lt;/s&gt;).</summary>
    private sealed record CorpusStatistics(double Characters, double Words, int Vocabulary, int LongestDialogue, string SizeField)
    {
        public static CorpusStatistics Of(TextEntryParameters p)
        {
            if (p.UploadedCorpus is not null)
            {
                return p._uploadedDialogues is { } uploaded ? Measure(uploaded, 1.0, "uploadedCorpus") : LargestUpload();
            }

            if (p.Corpus == TextEntryCorpus.RealSentences)
            {
                return RealSentences(p.RealSentences);
            }

            var sample = SyntheticDialogues.Generate(Math.Min(p.Dialogues, SyntheticSample), p.ContextOverlap, new Random(0));
            return Measure(sample, (double)p.Dialogues / sample.Count, "dialogues");
        }

        private static CorpusStatistics Measure(IReadOnlyList<Dialogue> dialogues, double scale, string sizeField)
        {
            var words = new HashSet<string>(StringComparer.Ordinal);
            double characters = 0, tokens = 0;
            var longest = 0;
            foreach (var dialogue in dialogues)
            {
                var stream = 0;
                foreach (var turn in dialogue.Turns)
                {
                    var turnTokens = PhraseText.Tokenize(turn);
                    words.UnionWith(turnTokens);
                    characters += turn.Length;
                    stream += turnTokens.Count + 2;
                }

                tokens += stream;
                longest = Math.Max(longest, stream);
            }

            // <s>, </s> and <unk> besides the words.
            return new CorpusStatistics(characters * scale, tokens * scale, words.Count + 3, longest, sizeField);
        }

        /// <summary>
        /// An upload not read yet (a study plans before it opens files): the largest file the parameter accepts, a word
        /// every two bytes, a vocabulary of 50,000 and a dialogue of 64 turns of the longest length.
        /// </summary>
        private static CorpusStatistics LargestUpload() =>
            new(CorpusDataset.MaxBytes, CorpusDataset.MaxBytes / 2.0, 50_000, 64 * ((CorpusParser.MaxTurnLength / 2) + 2), "uploadedCorpus");

        /// <summary>
        /// Bounds measured on nlp-corpus@4.4.0's sentences of 2-15 words without reading the files at submission: at most
        /// 400 characters and 15 words (plus punctuation) each; about 40,000 distinct words in all 34,000 of them.
        /// </summary>
        private static CorpusStatistics RealSentences(int sentences) =>
            new(sentences * (double)CorpusParser.MaxTurnLength, sentences * 32.0, 40_000, 34, "realSentences");
    }
}
