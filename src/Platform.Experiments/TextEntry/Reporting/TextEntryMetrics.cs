namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>
/// The metric keys of the text-entry family. Saving rates are fractions of the characters of the phrases
/// (1 − actions / characters); running series have step = phrases simulated so far.
/// </summary>
public static class TextEntryMetrics
{
    /// <summary>Running keystroke saving rate of the configured abbreviation strategy and of the predictive keyboard.</summary>
    public const string KsrAbbreviation = "ksr/abbreviation";
    public const string KsrKeyboard = "ksr/keyboard";

    /// <summary>Running relative gain, KSR_abbreviation / KSR_keyboard − 1.</summary>
    public const string RelativeGain = "gain/relative";

    /// <summary>Running share of phrases whose initials alone put them first / among the shown candidates.</summary>
    public const string Top1 = "expansion/top-1";
    public const string TopN = "expansion/top-n";

    /// <summary>Running share of phrases finished by each path: initials, keywords, fill-mask, spelled.</summary>
    public static string Resolved(string path) => $"resolved/{path}";

    /// <summary>Running KSR of one ablation (strategy, with or without context).</summary>
    public static string AblationKsr(string configuration) => $"ablation-ksr/{configuration}";

    /// <summary>KSR of each single phrase; step = phrase index.</summary>
    public const string PhraseKsrAbbreviation = "phrase-ksr/abbreviation";
    public const string PhraseKsrKeyboard = "phrase-ksr/keyboard";

    /// <summary>Distinct n-grams the model keeps, step = order.</summary>
    public const string NgramCount = "model/ngrams";

    /// <summary>GRU training loss (mean cross-entropy over the epoch, nats per word); step = epoch.</summary>
    public const string GruLoss = "train-loss/gru";

    /// <summary>Per-word perplexity, step 0 = dev split, 1 = test split.</summary>
    public const string PerplexityContext = "perplexity/context";
    public const string PerplexityNoContext = "perplexity/no-context";

    /// <summary>By abbreviation length; step = the bucket's upper bound in letters (1–3, 4–6, 7–10, 11+ as 99).</summary>
    public const string LengthKsrAbbreviation = "length-ksr/abbreviation";
    public const string LengthKsrKeyboard = "length-ksr/keyboard";
    public const string LengthTopN = "length-top-n/abbreviation";
}
