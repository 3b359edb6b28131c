using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Reporting;
using Platform.Experiments.TextEntry.Simulation;

namespace Platform.Experiments.TextEntry.Running;

/// <summary>
/// Re-evaluates the simulated claims over the simulation assumptions without retraining: at each design point the
/// test dialogues are generated again at that context overlap (the training dialogues, and the model, stay the same)
/// and the configured user, its no-context twin and a keyboard with that strip size enter them. The simulator's cache
/// makes a phrase that came out the same cost nothing, so a point costs only the phrases whose fillers flipped.
/// </summary>
internal static class AssumptionPhase
{
    /// <summary>Latin-hypercube points inside the ranges, besides the assumed point, the one-at-a-time ends and the corners.</summary>
    public const int InteriorSamples = 2;

    public static async Task<AssumptionEvidence> RunAsync(
        PhraseSimulator simulator, SimulationTally tally, IReadOnlyList<TestPhrase> phrases, CorpusSplit split, SyntheticCorpus? generator,
        TextEntryParameters parameters, IRunContext context, (double Start, double End) progress, CancellationToken cancellationToken)
    {
        var design = AssumptionDesign.Build(TextEntryAssumptions.Simulation(parameters, generator is not null), InteriorSamples);
        var configured = tally.Configurations[0];
        var flipped = configured with { UsesContext = !configured.UsesContext };
        // Context can only be switched off where the model reads it; a run without it has no context ablation to judge.
        var hasFlip = parameters.ReadsContext() && tally.Configurations.Skip(1).Contains(flipped);
        var testByOverlap = new Dictionary<double, IReadOnlyList<TestPhrase>> { [parameters.ContextOverlap] = phrases };
        var points = new List<ClaimStatistics>(design.Points.Count);
        for (var p = 0; p < design.Points.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var point = design.Points[p];
            var overlap = generator is null ? parameters.ContextOverlap : point[TextEntryAssumptions.ContextOverlap];
            if (!testByOverlap.TryGetValue(overlap, out var test))
            {
                testByOverlap[overlap] = test = [.. TestPhrase.HeldOut(generator!.Test(overlap), split.Train, parameters.ContextTurns).Take(parameters.TestPhrases)];
            }

            var suggestions = (int)Math.Round(point[TextEntryAssumptions.KeyboardSuggestions]);
            ModelThreads.Use(parameters, context.Threads);
            var main = test.Select((phrase, i) => simulator.Abbreviation(phrase, i, configured)).ToList();
            var twin = hasFlip ? test.Select((phrase, i) => simulator.Abbreviation(phrase, i, flipped)).ToList() : null;
            var keyboard = test.Select((phrase, i) => simulator.Keyboard(phrase, i, suggestions)).ToList();
            points.Add(new ClaimStatistics(test, main, hasFlip ? main : null, twin, keyboard));
            await context.ProgressAsync(progress.Start + ((progress.End - progress.Start) * (p + 1) / design.Points.Count),
                $"assumption point {p + 1} of {design.Points.Count}", cancellationToken);
        }

        await context.LogLineAsync(
            $"Re-evaluated the claims at {design.Points.Count} assumption points ({testByOverlap.Count} context overlaps) without retraining",
            cancellationToken);
        return new AssumptionEvidence(design, points);
    }
}
