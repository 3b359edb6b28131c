using Platform.Experiments.Contract;
using Platform.Experiments.TextEntry.Simulation;

namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>The result tables of a text-entry run.</summary>
internal static class Tables
{
    public static IReadOnlyList<ResultTable> Build(SimulationTally tally, TextEntryStatistics stats, RunFacts facts, GazeTimingModel timing, TextEntryParameters parameters) =>
    [
        SavingRates(tally, stats, timing, parameters),
        Ablations(tally),
        ByLength(tally, stats),
        RunRecord(facts, tally.Count),
    ];

    public static ResultTable SavingRates(SimulationTally tally, TextEntryStatistics stats, GazeTimingModel timing, TextEntryParameters parameters)
    {
        var main = tally.Outcomes(0);
        return new ResultTable(
            "Keystroke saving rate (95% bootstrap interval over phrases); words per minute are a timing-model estimate",
            ["Method", "KSR", "CI low", "CI high", "Actions per character", "Est. WPM (model)"],
            [
                [$"abbreviation: {tally.Configurations[0].Name}", stats.AbbreviationKsr.Value, stats.AbbreviationKsr.Low, stats.AbbreviationKsr.High,
                    ActionsPerCharacter(main), timing.WordsPerMinute(main)],
                [$"keyboard: top-{parameters.BaselineSuggestions} completion + prediction", stats.KeyboardKsr.Value, stats.KeyboardKsr.Low, stats.KeyboardKsr.High,
                    ActionsPerCharacter(tally.Keyboard), timing.WordsPerMinute(tally.Keyboard)],
                ["plain typing", SavingRate.Of(tally.Plain), null, null, ActionsPerCharacter(tally.Plain), timing.WordsPerMinute(tally.Plain)],
                ["relative gain (abbreviation / keyboard - 1)", stats.RelativeGain.Value, stats.RelativeGain.Low, stats.RelativeGain.High, null, null],
            ]);
    }

    public static ResultTable Ablations(SimulationTally tally)
    {
        var keyboardKsr = SavingRate.Of(tally.Keyboard);
        var all = Enumerable.Range(0, tally.Count).ToArray();
        var rows = tally.Configurations.Select((configuration, c) =>
        {
            var outcomes = tally.Outcomes(c);
            var ksr = SavingRate.Of(outcomes);
            IReadOnlyList<object?> row =
            [
                configuration.Name, configuration.UsesContext ? "on" : "off", ksr, SavingRate.RelativeGain(ksr, keyboardKsr),
                TextEntryStatistics.Top1(outcomes, all), TextEntryStatistics.TopN(outcomes, all),
                .. Enum.GetValues<ResolutionPath>().Select(p => (object?)TextEntryStatistics.Share(outcomes, all, o => o.Path == p)),
            ];
            return row;
        });
        return new ResultTable(
            "Ablations: strategy and context (same phrases, same model)",
            ["Configuration", "Context", "KSR", "Gain vs keyboard", "Top-1 exact", "Top-N exact",
                .. Enum.GetValues<ResolutionPath>().Select(p => $"Resolved: {SimulationTally.PathName(p)}")],
            [.. rows]);
    }

    public static ResultTable ByLength(SimulationTally tally, TextEntryStatistics stats)
    {
        var main = tally.Outcomes(0);
        var flipped = stats.FlippedConfiguration is { } f ? tally.Outcomes(f) : null;
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var bucket in LengthBucket.All)
        {
            var idx = Enumerable.Range(0, tally.Count).Where(i => bucket.Contains(tally.Results[i].Phrase.Abbreviation.Length)).ToArray();
            if (idx.Length == 0)
            {
                continue;
            }

            rows.Add([bucket.Label, idx.Length, TextEntryStatistics.Top1(main, idx), TextEntryStatistics.TopN(main, idx),
                flipped is null ? null : TextEntryStatistics.TopN(flipped, idx),
                SavingRate.Of(main, idx), SavingRate.Of(tally.Keyboard, idx)]);
        }

        var flippedLabel = tally.Configurations[0].UsesContext ? "Top-N exact, no context" : "Top-N exact, with context";
        return new ResultTable(
            $"By abbreviation length (configured user: {tally.Configurations[0].Name})",
            ["Abbreviation letters", "Phrases", "Top-1 exact", "Top-N exact", flippedLabel, "KSR abbreviation", "KSR keyboard"],
            rows);
    }

    public static ResultTable RunRecord(RunFacts facts, int phrases) => new(
        "Run record",
        ["Item", "Value"],
        [
            ["corpus", facts.CorpusSource],
            ["corpus SHA-256", facts.CorpusHash],
            ["dialogues train / dev / test", $"{facts.TrainDialogues} / {facts.DevDialogues} / {facts.TestDialogues}"],
            ["test phrases simulated", phrases],
            ["vocabulary (words)", facts.Vocabulary],
            ["model", facts.Model],
            ["training time (s)", facts.TrainSeconds],
            ["perplexity dev / test (with context)", $"{facts.DevPerplexity:F2} / {facts.TestPerplexity:F2}"],
            ["perplexity test without context", facts.TestPerplexityNoContext],
        ]);

    private static double ActionsPerCharacter(IReadOnlyList<PhraseOutcome> outcomes) =>
        outcomes.Sum(o => o.Actions.Count) / (double)Math.Max(1, outcomes.Sum(o => o.Characters));
}
