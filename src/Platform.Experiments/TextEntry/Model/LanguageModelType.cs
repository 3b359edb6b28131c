namespace Platform.Experiments.TextEntry.Model;

/// <summary>Which language model the run trains.</summary>
public enum LanguageModelType
{
    /// <summary>Word n-gram with Kneser–Ney smoothing; the conversation boosts its words.</summary>
    Ngram,

    /// <summary>One-layer word GRU in TorchSharp; the conversation is read as a prefix.</summary>
    Gru,
}
