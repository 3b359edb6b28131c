using Platform.Experiments.Contract;
using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Reporting;
using Platform.Experiments.TextEntry.Simulation;

namespace Platform.Experiments.TextEntry.Running;

/// <summary>The run's simulation phase: the simulated users on the test phrases, live, then the breakdowns by length.</summary>
internal static class SimulationPhase
{
    // Share of the progress bar the simulation fills, after corpus, training and perplexity.
    private const double SimulationStart = 0.15;
    private const double SimulationEnd = 0.95;

    public static async Task<SimulationTally> RunAsync(
        IDialogueModel model, CorpusSplit split, TextEntryParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        var usesContext = parameters.ReadsContext();
        var configurations = SimulatedConfiguration.For(parameters.Strategy, usesContext, parameters.RunAblations);
        var costs = new ActionCosts(parameters.KeystrokeCost, parameters.SpaceCost, parameters.SelectCost,
            parameters.FillMaskSelectWordCost, parameters.FillMaskPickCost);
        var settings = new AbbreviationUserSettings(parameters.Strategy, parameters.CandidatesShown, parameters.MaxKeywordLetters,
            parameters.FillMaskCandidates, costs, parameters.CountAbandonedActions);
        var simulator = new PhraseSimulator(model, configurations, settings, parameters.BeamWidth, parameters.ContextTurns,
            parameters.BaselineSuggestions, parameters.TypingNoise, context.Seed);
        var phrases = TestPhrase.From(split.Test, parameters.ContextTurns).Take(parameters.TestPhrases).ToList();
        await context.LogLineAsync(
            $"Simulating {phrases.Count} test phrases: {string.Join(", ", configurations.Select(c => c.Name))}, keyboard, plain typing",
            cancellationToken);

        var tally = new SimulationTally(configurations);
        var reportEvery = Math.Max(1, phrases.Count / 50);
        for (var i = 0; i < phrases.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ModelThreads.Use(parameters, context.Threads);
            foreach (var (key, value) in tally.Add(simulator.Simulate(phrases[i], i)))
            {
                await context.LogAsync(key, key.StartsWith("phrase-", StringComparison.Ordinal) ? i : i + 1, value, cancellationToken);
            }

            if ((i + 1) % reportEvery == 0 || i + 1 == phrases.Count)
            {
                var fraction = SimulationStart + (SimulationEnd - SimulationStart) * (i + 1) / phrases.Count;
                await context.ProgressAsync(fraction, $"phrase {i + 1} of {phrases.Count}", cancellationToken);
            }
        }

        return tally;
    }

    public static async Task LogBreakdownsAsync(SimulationTally tally, IRunContext context, CancellationToken cancellationToken)
    {
        var main = tally.Outcomes(0);
        foreach (var bucket in LengthBucket.All)
        {
            var idx = Enumerable.Range(0, tally.Count).Where(i => bucket.Contains(tally.Results[i].Phrase.Abbreviation.Length)).ToArray();
            if (idx.Length == 0)
            {
                continue;
            }

            await context.LogAsync(TextEntryMetrics.LengthKsrAbbreviation, bucket.Max, SavingRate.Of(main, idx), cancellationToken);
            await context.LogAsync(TextEntryMetrics.LengthKsrKeyboard, bucket.Max, SavingRate.Of(tally.Keyboard, idx), cancellationToken);
            await context.LogAsync(TextEntryMetrics.LengthTopN, bucket.Max, TextEntryStatistics.TopN(main, idx), cancellationToken);
        }
    }
}
