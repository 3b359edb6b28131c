using Platform.Experiments.TextEntry.Simulation;

namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>The summary's headline metrics; values that are not finite (no phrase to measure them on) are left out.</summary>
internal static class SummaryMetrics
{
    public static IReadOnlyDictionary<string, double> Build(SimulationTally tally, TextEntryStatistics stats, RunFacts facts, GazeTimingModel timing)
    {
        var main = tally.Outcomes(0);
        var all = Enumerable.Range(0, tally.Count).ToArray();
        var wpm = timing.WordsPerMinute(main);
        var keyboardWpm = timing.WordsPerMinute(tally.Keyboard);
        var metrics = new Dictionary<string, double>
        {
            ["ksr.abbreviation"] = stats.AbbreviationKsr.Value,
            ["ksr.abbreviation.ci_low"] = stats.AbbreviationKsr.Low,
            ["ksr.abbreviation.ci_high"] = stats.AbbreviationKsr.High,
            ["ksr.keyboard"] = stats.KeyboardKsr.Value,
            ["ksr.keyboard.ci_low"] = stats.KeyboardKsr.Low,
            ["ksr.keyboard.ci_high"] = stats.KeyboardKsr.High,
            ["ksr.plain"] = SavingRate.Of(tally.Plain),
            ["gain.relative"] = stats.RelativeGain.Value,
            ["gain.relative.ci_low"] = stats.RelativeGain.Low,
            ["gain.relative.ci_high"] = stats.RelativeGain.High,
            ["gain.absolute"] = stats.AbsoluteGain.Value,
            ["expansion.top1"] = TextEntryStatistics.Top1(main, all),
            ["expansion.topn"] = TextEntryStatistics.TopN(main, all),
            ["wpm_model.abbreviation"] = wpm,
            ["wpm_model.keyboard"] = keyboardWpm,
            ["wpm_model.plain"] = timing.WordsPerMinute(tally.Plain),
            ["perplexity.dev"] = facts.DevPerplexity,
            ["perplexity.test"] = facts.TestPerplexity,
            ["perplexity.test.no_context"] = facts.TestPerplexityNoContext,
            ["train.seconds"] = facts.TrainSeconds,
            ["vocabulary"] = facts.Vocabulary,
            ["phrases"] = tally.Count,
        };
        foreach (var path in Enum.GetValues<ResolutionPath>())
        {
            metrics[$"resolved.{SimulationTally.PathName(path)}"] = TextEntryStatistics.Share(main, all, o => o.Path == path);
        }

        for (var c = 0; c < tally.Configurations.Count; c++)
        {
            metrics[$"ablation.{tally.Configurations[c].Name}.ksr"] = SavingRate.Of(tally.Outcomes(c));
        }

        if (stats.ContextTopNRatio is { } ratio)
        {
            metrics["context.topn_ratio"] = ratio.Value;
            metrics["context.ksr_gain"] = stats.ContextKsrGain!.Value;
        }

        return metrics.Where(m => double.IsFinite(m.Value)).ToDictionary();
    }
}
