using Platform.Experiments.Contract;
using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Reporting;
using Platform.Experiments.TextEntry.Simulation;
using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry;

/// <summary>
/// SpeakFaster's offline simulation, small and on CPU: a language model trained in-process on a dialogue corpus
/// expands initials-only abbreviations (with keyword and FillMask fallbacks) for a simulated perfect user, against
/// a predictive keyboard on the same model; every motor action is counted. Metric keys: <see cref="TextEntryMetrics"/>.
/// </summary>
public sealed partial class TextEntryExperiment : Experiment<TextEntryParameters>
{
    public const string KindName = "text-entry";

    public override string Kind => KindName;

    public override string Title => "Text entry: abbreviation expansion vs predictive keyboard";

    public override string Description =>
        "Trains a Kneser-Ney word n-gram or a small TorchSharp GRU on a dialogue corpus (generated, or uploaded), expands word-initial " +
        "abbreviations by constrained beam search with conversation context, and simulates a perfect user " +
        "(initials, keywords, FillMask, spelling) against a keyboard with word completion and prediction, counting " +
        "every motor action (SpeakFaster, Cai et al.).";

    public override PaperReference Paper => new(
        "Using Large Language Models to Accelerate Communication for Users with Severe Motor Impairments (SpeakFaster)",
        2023,
        "Abbreviated text entry with context-aware LLMs saves 57% more motor actions than a predictive keyboard in offline simulation.",
        "https://arxiv.org/abs/2312.01532");

    public override IReadOnlyList<ChartPanel> Charts =>
    [
        new("ksr", "Keystroke saving rate (running)", "phrases", "KSR"),
        new("gain", "Relative gain over the keyboard (running)", "phrases", "KSR_abbr / KSR_kbd - 1"),
        new("expansion", "Exact expansion from the initials (running)", "phrases", "share of phrases"),
        new("resolved", "Phrases finished by each path (running)", "phrases", "share of phrases"),
        new("ablation-ksr", "Ablations: KSR by strategy and context (running)", "phrases", "KSR"),
        new("phrase-ksr", "KSR of each phrase", "phrase", "KSR"),
        new("length-ksr", "KSR by abbreviation length", "abbreviation letters (bucket max)", "KSR"),
        new("length-top-n", "Top-N exact by abbreviation length", "abbreviation letters (bucket max)", "share"),
        new("model", "N-grams kept (n-gram model)", "order", "n-grams", LogY: true),
        new("train-loss", "GRU training loss (GRU model)", "epoch", "nats per word"),
        new("perplexity", "Perplexity (0 = dev, 1 = test)", "split", "perplexity"),
    ];

    public override IReadOnlyList<ExperimentPreset> Presets =>
    [
        Preset(ExperimentPreset.HeadlineName, "Reproduce the paper's headline",
            "KSR of initials + keywords + FillMask vs a 3-word predictive keyboard on the same model, with the ablations " +
            "(initials only, keywords, no context), 400 test phrases, 95% intervals.",
            new TextEntryParameters { TestPhrases = 400, RunAblations = true }),
        Preset("quick", "Quick look", "A small corpus and 60 phrases, no ablations: a first result in seconds.",
            new TextEntryParameters { Dialogues = 300, TestPhrases = 60, RunAblations = false, BootstrapSamples = 500 }),
        Preset("gru", "GRU language model", "The quick look with a one-layer TorchSharp GRU that reads the previous turn as a prefix.",
            new TextEntryParameters { ModelType = LanguageModelType.Gru, Dialogues = 300, TestPhrases = 60, RunAblations = false, BootstrapSamples = 500 }),
        Preset("no-context", "No context", "The headline user without the conversation (context turns = 0).",
            new TextEntryParameters { ContextTurns = 0, RunAblations = false }),
        Preset("noisy-gaze", "Noisy gaze typing", "Gaze noise sigma 0.3 (about 13% missed keys), each miss fixed with a backspace.",
            new TextEntryParameters { TypingNoise = 0.3, RunAblations = false }),
    ];

    protected override async Task<RunSummary> RunAsync(TextEntryParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await context.ProgressAsync(0, "building the corpus", cancellationToken);
        var (split, source) = BuildCorpus(parameters, context.Seed);
        await context.LogLineAsync(
            $"Corpus ({source}): {split.Train.Count} / {split.Dev.Count} / {split.Test.Count} dialogues train / dev / test, SHA-256 {split.Hash}",
            cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        var (model, trainSeconds) = await TrainAsync(split, parameters, context, cancellationToken);
        using var owned = model;

        await context.ProgressAsync(0.1, "measuring perplexity", cancellationToken);
        var perplexity = await MeasurePerplexityAsync(model, split, parameters, context, cancellationToken);
        var facts = new RunFacts(source, split.Hash, split.Train.Count, split.Dev.Count, split.Test.Count, model.Vocabulary.Count,
            model.Description, trainSeconds, perplexity.Dev, perplexity.Test, perplexity.TestNoContext);

        var tally = await SimulateAsync(model, split, parameters, context, cancellationToken);
        await context.ProgressAsync(0.97, "bootstrap intervals and summary", cancellationToken);
        var stats = new TextEntryStatistics(tally, parameters.BootstrapSamples, new Random(unchecked((int)context.Seed) ^ 0x5EED));
        await LogBreakdownsAsync(tally, context, cancellationToken);
        await context.SaveArtifactAsync(PhraseTraces.ArtifactName, PhraseTraces.ContentType, PhraseTraces.Write(tally), cancellationToken);
        await context.LogLineAsync(
            $"KSR abbreviation {stats.AbbreviationKsr}, keyboard {stats.KeyboardKsr}, relative gain {stats.RelativeGain}", cancellationToken);
        await context.ProgressAsync(1, "done", cancellationToken);
        return TextEntrySummary.Build(tally, stats, facts, parameters);
    }

    private static (CorpusSplit Split, string Source) BuildCorpus(TextEntryParameters parameters, long seed)
    {
        var random = new Random(unchecked((int)seed));
        var uploaded = !string.IsNullOrWhiteSpace(parameters.CorpusText);
        var dialogues = uploaded
            ? CorpusParser.Parse(parameters.CorpusText!).Dialogues
            : SyntheticDialogues.Generate(parameters.Dialogues, parameters.ContextOverlap, random);
        var source = uploaded ? "uploaded" : $"synthetic, {parameters.Dialogues} dialogues, context overlap {parameters.ContextOverlap}";
        return (CorpusSplit.Of(dialogues, parameters.DevFraction, parameters.TestFraction, random), source);
    }
}
