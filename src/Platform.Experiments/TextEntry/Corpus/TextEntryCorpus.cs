namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>Which text the model is trained and the users are simulated on (an uploaded corpus overrides both).</summary>
public enum TextEntryCorpus
{
    /// <summary>Generated templated dialogues: real turn-taking structure, but a closed vocabulary that flatters prediction.</summary>
    Synthetic,

    /// <summary>Real English sentences (npm nlp-corpus@4.4.0, MIT), shuffled: real vocabulary, no dialogue context.</summary>
    RealSentences,
}
