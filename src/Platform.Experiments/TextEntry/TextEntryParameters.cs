using Platform.Experiments.Contract;
using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Simulation;

namespace Platform.Experiments.TextEntry;

public sealed partial class TextEntryParameters : IValidatableParameters
{

    [Parameter("Candidate phrases shown for an abbreviation (the paper's UI and NAACL evaluation: 5).", Minimum = 1, Maximum = 10, Main = true)]
    public int CandidatesShown { get; set; } = 5;

    [Parameter("Words in the baseline keyboard's suggestion strip (Gboard-like: 3; AAC keyboards: 4-5). An assumption: the claims are also judged at 3-5.", Minimum = 1, Maximum = 10)]
    public int BaselineSuggestions { get; set; } = 3;

    [Parameter("How far the simulated user goes before spelling a phrase: initials only, + keywords, + keywords and FillMask.", Main = true)]
    public AbbreviationStrategy Strategy { get; set; } = AbbreviationStrategy.KeywordsFillMask;

    [Parameter("Previous dialogue turns the expander sees as context (0 = no context).", Minimum = 0, Maximum = 5, Main = true)]
    public int ContextTurns { get; set; } = 1;

    [Parameter("Weight of the context: each word of the previous turns becomes (1 + weight) times likelier before renormalising (0 = ignore the context).", Minimum = 0, Maximum = 100)]
    public double ContextWeight { get; set; } = 4;

    [Parameter("Language model: a Kneser-Ney word n-gram (boosts the context's words), or a small TorchSharp GRU (reads the context turns as a prefix; the context weight does not apply).", Main = true)]
    public LanguageModelType ModelType { get; set; } = LanguageModelType.Ngram;

    [Parameter("Order of the n-gram model (3 = trigram).", Minimum = 2, Maximum = 5)]
    public int NgramOrder { get; set; } = 3;

    [Parameter("GRU: size of the word embeddings.", Minimum = 8, Maximum = 256)]
    public int GruEmbeddingSize { get; set; } = 64;

    [Parameter("GRU: size of the hidden state.", Minimum = 8, Maximum = 512)]
    public int GruHiddenSize { get; set; } = 128;

    [Parameter("GRU: passes over the training dialogues.", Minimum = 1, Maximum = 50)]
    public int GruEpochs { get; set; } = 6;

    [Parameter("GRU: dialogues per training batch.", Minimum = 1, Maximum = 256)]
    public int GruBatchSize { get; set; } = 16;

    [Parameter("GRU: Adam learning rate.", Minimum = 0.0001, Maximum = 0.1)]
    public double GruLearningRate { get; set; } = 0.005;

    [Parameter("GRU: LibTorch threads (0 = the worker's share of the cores; never more than that share). A beam step is a batch of a few dozen rows, where one thread beats several on a shared machine.", Minimum = 0, Maximum = 64)]
    public int GruThreads { get; set; } = 1;

    [Parameter("Hypotheses kept per step of the constrained beam search.", Minimum = 1, Maximum = 256)]
    public int BeamWidth { get; set; } = 24;

    [Parameter("Letters of a keyword the user spells one by one before typing the rest of the word.", Minimum = 1, Maximum = 20)]
    public int MaxKeywordLetters { get; set; } = 4;

    [Parameter("Alternatives FillMask proposes for a selected word.", Minimum = 1, Maximum = 20)]
    public int FillMaskCandidates { get; set; } = 5;

    [Parameter("Cost of a key press (letter, digit, punctuation or backspace), in actions.", Minimum = 0.1, Maximum = 10)]
    public double KeystrokeCost { get; set; } = 1;

    [Parameter("Cost of typing a space, in actions.", Minimum = 0.1, Maximum = 10)]
    public double SpaceCost { get; set; } = 1;

    [Parameter("Cost of selecting a phrase or a suggested word (raise it to model dwell clicks), in actions.", Minimum = 0.1, Maximum = 10)]
    public double SelectCost { get; set; } = 1;

    [Parameter("Cost of selecting the word FillMask should replace, in actions.", Minimum = 0.1, Maximum = 10)]
    public double FillMaskSelectWordCost { get; set; } = 1;

    [Parameter("Cost of picking one of FillMask's alternatives, in actions.", Minimum = 0.1, Maximum = 10)]
    public double FillMaskPickCost { get; set; } = 1;

    [Parameter("Whether the actions spent on a phrase that is finally spelled out still count (a real user cannot take them back).")]
    public bool CountAbandonedActions { get; set; } = true;

    [Parameter("Timing model: seconds per gaze keystroke (gaze typing is usually under 10 words per minute).", Minimum = 0.05, Maximum = 10)]
    public double SecondsPerKeystroke { get; set; } = 1.0;

    [Parameter("Timing model: seconds per selection of a phrase, suggestion or FillMask item.", Minimum = 0.05, Maximum = 10)]
    public double SecondsPerSelection { get; set; } = 1.2;

    [Parameter("Timing model: seconds the user waits for the model after each abbreviation query.", Minimum = 0, Maximum = 10)]
    public double ModelLatencySeconds { get; set; } = 0.2;

    [Parameter("Typing noise: Gaussian gaze error in key widths on a 3x10 key grid (0.3 = about 13% misses, 0.5 = 44%); every miss costs a backspace and a retry.", Minimum = 0, Maximum = 1)]
    public double TypingNoise { get; set; }

    [Parameter("Corpus: synthetic (templated dialogues with context, fast) or real-sentences (50,000 real English sentences from npm " +
        "nlp-corpus, fetched by the set-up step; no dialogue context, so the context claims are not comparable). An uploaded corpus overrides both.")]
    public TextEntryCorpus Corpus { get; set; } = TextEntryCorpus.Synthetic;

    [Parameter("Real sentences only: how many of the corpus's sentences of 2-15 words to use (about 34,000 qualify).", Minimum = 200, Maximum = 30_000)]
    public int RealSentences { get; set; } = 20_000;

    [Parameter("Dialogues the synthetic corpus generates (ignored when a corpus is uploaded).", Minimum = 20, Maximum = 50_000)]
    public int Dialogues { get; set; } = 1500;

    [Parameter("Synthetic corpus: chance that a reply reuses the filler words of the turn before (how much context can help). An assumption: the claims are also judged at 0.3-0.9, on test dialogues generated again without retraining.", Minimum = 0, Maximum = 1)]
    public double ContextOverlap { get; set; } = 0.7;

    [Parameter("Share of dialogues held out for the dev split (perplexity).", Minimum = 0.02, Maximum = 0.4)]
    public double DevFraction { get; set; } = 0.1;

    [Parameter("Share of dialogues held out for the test split (simulation).", Minimum = 0.02, Maximum = 0.4)]
    public double TestFraction { get; set; } = 0.15;

    [Parameter("Test phrases the users simulate (the first ones of the shuffled test split).", Minimum = 1, Maximum = 5000)]
    public int TestPhrases { get; set; } = 300;

    [Parameter("Also simulate the ablations: each strategy, and the configured strategy without context.")]
    public bool RunAblations { get; set; } = true;

    [Parameter("Bootstrap resamples of the test phrases for the 95% intervals.", Minimum = 100, Maximum = 20_000)]
    public int BootstrapSamples { get; set; } = 2000;

    [Parameter("Optional dialogue corpus to use instead of the generated one, a dataset (at most 4 MB of UTF-8): plain text, one turn a line, " +
        "a blank line between dialogues; or DailyDialog's format, a dialogue a line with each turn ended by __eou__.",
        Dataset = [CorpusDataset.Format])]
    public Guid? UploadedCorpus { get; set; }

    /// <summary>Whether the corpus has conversations at all: the real sentences are shuffled, so none has a previous turn.</summary>
    public bool HasDialogueContext() => UploadedCorpus is not null || Corpus == TextEntryCorpus.Synthetic;

    /// <summary>Whether the model reads the conversation at all (the n-gram needs a positive weight as well).</summary>
    public bool ReadsContext() => ContextTurns > 0 && (ModelType == LanguageModelType.Gru || ContextWeight > 0);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (DevFraction + TestFraction > 0.6)
        {
            yield return ("testFraction", "The dev and test shares together may be at most 0.6, so that most dialogues train the model.");
        }
    }
}
