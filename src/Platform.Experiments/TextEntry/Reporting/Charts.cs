using Platform.Experiments.Contract;

namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>Chart panels of the run page, by metric group (see <see cref="TextEntryMetrics"/>).</summary>
internal static class Charts
{
    public static IReadOnlyList<ChartPanel> Panels { get; } =
    [
        new("ksr", "Keystroke saving rate, mean over the phrases so far", "phrases", "KSR"),
        new("gain", "Relative gain over the keyboard, mean over the phrases so far", "phrases", "KSR_abbr / KSR_kbd - 1"),
        new("expansion", "Exact expansion from the initials, mean over the phrases so far", "phrases", "share of phrases"),
        new("resolved", "Phrases finished by each path, mean over the phrases so far", "phrases", "share of phrases"),
        new("ablation-ksr", "Ablations: KSR by strategy and context, mean over the phrases so far", "phrases", "KSR"),
        new("phrase-ksr", "KSR of each phrase", "phrase", "KSR"),
        new("length-ksr", "KSR by abbreviation length", "abbreviation letters (bucket max)", "KSR"),
        new("length-top-n", "Top-N exact by abbreviation length", "abbreviation letters (bucket max)", "share"),
        new("model", "N-grams kept (n-gram model)", "order", "n-grams", LogY: true),
        new("train-loss", "GRU training loss (GRU model)", "epoch", "nats per word"),
        new("perplexity", "Perplexity (0 = dev, 1 = test)", "split", "perplexity"),
    ];
}
