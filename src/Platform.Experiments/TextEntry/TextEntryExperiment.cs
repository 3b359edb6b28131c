using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Reporting;
using Platform.Experiments.TextEntry.Running;

namespace Platform.Experiments.TextEntry;

/// <summary>
/// SpeakFaster's offline simulation, small and on CPU: a language model trained in-process on a dialogue corpus
/// expands initials-only abbreviations (with keyword and FillMask fallbacks) for a simulated perfect user, against
/// a predictive keyboard on the same model; every motor action is counted. Metric keys: <see cref="TextEntryMetrics"/>.
/// </summary>
public sealed class TextEntryExperiment : Experiment<TextEntryParameters>
{
    public const string KindName = "text-entry";

    public override string Kind => KindName;

    public override string Title => "Text entry: abbreviation expansion vs predictive keyboard";

    /// <summary>It trains, so its result varies with the seed: its claims are judged across five.</summary>
    public override int HeadlineSeeds => 5;

    public override string Description =>
        "Trains a Kneser-Ney word n-gram or a small TorchSharp GRU on real English sentences, a generated dialogue corpus or an uploaded one, expands word-initial " +
        "abbreviations by constrained beam search with conversation context, and simulates a perfect user " +
        "(initials, keywords, FillMask, spelling) against a keyboard with word completion and prediction, counting " +
        "every motor action (SpeakFaster, Cai et al.).";

    public override PaperReference Paper => new(
        "Using Large Language Models to Accelerate Communication for Users with Severe Motor Impairments (SpeakFaster)",
        2023,
        "Abbreviated text entry with context-aware LLMs saves 57% more motor actions than a predictive keyboard in offline simulation.",
        "https://arxiv.org/abs/2312.01532");

    public override IReadOnlyList<ChartPanel> Charts => Reporting.Charts.Panels;

    /// <summary>
    /// What the headline judges: on real sentences only the keyboard comparison (the synthetic preset judges all five);
    /// no calibration, since no constant is fitted to a paper figure.
    /// </summary>
    public override FamilyEvidence Evidence =>
        new(Claims.PredictedBy((TextEntryParameters)Presets.Single(p => p.Name == ExperimentPreset.HeadlineName).Parameters), []);

    public override IReadOnlyList<ExperimentPreset> Presets =>
    [
        Preset(ExperimentPreset.HeadlineName, "Reproduce the paper's headline",
            "KSR of initials + keywords + FillMask vs a 3-word predictive keyboard on the same model, trained and tested on 20,000 real " +
            "English sentences (npm nlp-corpus), with the strategy ablations, 400 test phrases, 95% intervals. The sentences have no " +
            "conversation, so the model reads no context and the context claims are not comparable (the synthetic preset measures them).",
            new TextEntryParameters { Corpus = TextEntryCorpus.RealSentences, ContextTurns = 0, TestPhrases = 400, RunAblations = true }),
        Preset("synthetic", "Headline on templated dialogues",
            "The former headline: templated dialogues with one turn of context, the ablations (initials only, keywords, no context), " +
            "400 test phrases. The closed vocabulary flatters prediction: compare the keyboard's savings with the real-sentence headline.",
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
        var (split, source, generator) = await CorpusPhase.BuildAsync(parameters, context, cancellationToken);
        await context.LogLineAsync(
            $"Corpus ({source}): {split.Train.Count} / {split.Dev.Count} / {split.Test.Count} dialogues train / dev / test, SHA-256 {split.Hash}",
            cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        var (model, trainSeconds) = await TrainingPhase.RunAsync(split, parameters, context, cancellationToken);
        using var owned = model;

        await context.ProgressAsync(0.1, "measuring perplexity", cancellationToken);
        var perplexity = await PerplexityPhase.MeasureAsync(model, split, parameters, context, cancellationToken);
        var facts = new RunFacts(source, split.Hash, split.Train.Count, split.Dev.Count, split.Test.Count, model.Vocabulary.Count,
            model.Description, trainSeconds, perplexity.Dev, perplexity.Test, perplexity.TestNoContext);

        var (tally, simulator, phrases) = await SimulationPhase.RunAsync(model, split, parameters, context, cancellationToken);
        var evidence = await AssumptionPhase.RunAsync(simulator, tally, phrases, split, generator, parameters, context,
            (SimulationPhase.SimulationEnd, 0.95), cancellationToken);
        await context.ProgressAsync(0.97, "bootstrap intervals and summary", cancellationToken);
        var stats = new TextEntryStatistics(tally, parameters.BootstrapSamples, new Random(unchecked((int)context.Seed) ^ 0x5EED));
        await SimulationPhase.LogBreakdownsAsync(tally, context, cancellationToken);
        await context.SaveArtifactAsync(PhraseTraces.ArtifactName, PhraseTraces.ContentType, PhraseTraces.Write(tally), cancellationToken);
        await context.LogLineAsync(
            $"KSR abbreviation {stats.AbbreviationKsr}, keyboard {stats.KeyboardKsr}, relative gain {stats.RelativeGain}", cancellationToken);
        await context.ProgressAsync(1, "done", cancellationToken);
        var timing = new GazeTimingModel(parameters.SecondsPerKeystroke, parameters.SecondsPerSelection, parameters.ModelLatencySeconds);
        var claims = Claims.Build(tally, evidence, facts, timing, parameters, parameters.BootstrapSamples, new Random(unchecked((int)context.Seed) ^ 0xC1A1));
        return new RunSummary(SummaryMetrics.Build(tally, stats, facts, timing), claims)
        {
            Tables = Tables.Build(tally, stats, facts, timing, parameters),
            Assumptions = [.. evidence.Design.Assumptions, .. TextEntryAssumptions.Timing(parameters)],
        };
    }
}
