using Platform.Experiments.TextEntry.Expansion;
using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>
/// Enters each test phrase with every configured abbreviation user, the predictive keyboard and plain typing, on
/// one model. Expansions are cached per phrase and model, because the users share their first queries. Typing noise
/// is seeded per phrase, so every user meets the same luck on the same phrase.
/// </summary>
public sealed class PhraseSimulator(
    IDialogueModel dialogueModel,
    IReadOnlyList<SimulatedConfiguration> configurations,
    AbbreviationUserSettings settings,
    int beamWidth,
    int contextTurns,
    int keyboardSuggestions,
    double noiseSigma,
    long seed)
{
    private readonly PredictiveKeyboardUser _keyboard = new(dialogueModel.Alone, keyboardSuggestions, settings.Costs);

    public PhraseResults Simulate(TestPhrase phrase, int index)
    {
        var model = dialogueModel.Alone;
        var plainExpand = CachedExpander(model);
        var contextModel = contextTurns > 0 ? dialogueModel.Given(phrase.Context) : model;
        var contextExpand = ReferenceEquals(contextModel, model) ? plainExpand : CachedExpander(contextModel);
        var outcomes = new List<PhraseOutcome>(configurations.Count);
        foreach (var configuration in configurations)
        {
            var used = configuration.UsesContext ? contextModel : model;
            var user = new AbbreviationUser(
                configuration.UsesContext ? contextExpand : plainExpand,
                new FillMask(used),
                settings with { Strategy = configuration.Strategy });
            outcomes.Add(user.Enter(phrase.Tokens, Noise(index)));
        }

        var keyboard = _keyboard.Enter(phrase.Tokens, Noise(index));
        var plainLog = new ActionLog(settings.Costs, Noise(index));
        var text = PhraseText.Render(phrase.Tokens);
        plainLog.Type(text);
        var plain = new PhraseOutcome(text.Length, plainLog.Cost, plainLog.Actions, ResolutionPath.Spelled, -1, []);
        return new PhraseResults(phrase, outcomes, keyboard, plain);
    }

    private Func<TypedAbbreviation, IReadOnlyList<ExpansionCandidate>> CachedExpander(ILanguageModel used)
    {
        var expander = new AbbreviationExpander(used, beamWidth);
        var cache = new Dictionary<string, IReadOnlyList<ExpansionCandidate>>(StringComparer.Ordinal);
        return typed =>
        {
            var key = typed.Render();
            if (!cache.TryGetValue(key, out var candidates))
            {
                cache[key] = candidates = expander.Expand(typed, settings.CandidatesShown);
            }

            return candidates;
        };
    }

    private TypingNoise? Noise(int index) =>
        noiseSigma <= 0 ? null : new TypingNoise(noiseSigma, new Random((int)((seed * 1_000_003 + index * 7_919L) & int.MaxValue)));
}
