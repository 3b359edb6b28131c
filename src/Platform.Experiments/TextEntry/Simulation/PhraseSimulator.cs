using Platform.Experiments.TextEntry.Expansion;
using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>
/// Enters each test phrase with every configured abbreviation user, the predictive keyboard and plain typing, on
/// one model. Expansions are cached per phrase and model, because the users share their first queries. Typing noise
/// is seeded per phrase, so every user meets the same luck on the same phrase. Outcomes are cached by phrase position,
/// text and context: when the run enters the test split again at other assumptions (another context overlap, another
/// strip size), a phrase that came out the same is not simulated twice.
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
    private readonly Dictionary<int, PredictiveKeyboardUser> _keyboards = [];
    private readonly Dictionary<string, PhraseOutcome> _outcomes = new(StringComparer.Ordinal);

    // The models and expansion caches of the phrase being entered, shared by its users (they share their first queries).
    private string? _phraseKey;
    private readonly Dictionary<bool, (ILanguageModel Model, Func<TypedAbbreviation, IReadOnlyList<ExpansionCandidate>> Expand)> _phraseModels = [];

    public IReadOnlyList<SimulatedConfiguration> Configurations => configurations;

    public PhraseResults Simulate(TestPhrase phrase, int index) =>
        new(phrase, [.. configurations.Select(c => Abbreviation(phrase, index, c))], Keyboard(phrase, index, keyboardSuggestions), Plain(phrase, index));

    /// <summary>One abbreviation user's outcome on one phrase.</summary>
    public PhraseOutcome Abbreviation(TestPhrase phrase, int index, SimulatedConfiguration configuration)
    {
        var key = Key(index, configuration.Name, phrase);
        if (!_outcomes.TryGetValue(key, out var outcome))
        {
            var (used, expand) = PhraseModel(phrase, index, configuration.UsesContext && contextTurns > 0);
            var user = new AbbreviationUser(expand, new FillMask(used), settings with { Strategy = configuration.Strategy });
            _outcomes[key] = outcome = user.Enter(phrase.Tokens, Noise(index));
        }

        return outcome;
    }

    /// <summary>The keyboard user's outcome with a strip of <paramref name="suggestions"/> words.</summary>
    public PhraseOutcome Keyboard(TestPhrase phrase, int index, int suggestions)
    {
        var key = Key(index, $"keyboard-{suggestions}", phrase);
        if (!_outcomes.TryGetValue(key, out var outcome))
        {
            if (!_keyboards.TryGetValue(suggestions, out var keyboard))
            {
                _keyboards[suggestions] = keyboard = new PredictiveKeyboardUser(dialogueModel.Alone, suggestions, settings.Costs);
            }

            _outcomes[key] = outcome = keyboard.Enter(phrase.Tokens, Noise(index));
        }

        return outcome;
    }

    public PhraseOutcome Plain(TestPhrase phrase, int index)
    {
        var plainLog = new ActionLog(settings.Costs, Noise(index));
        var text = PhraseText.Render(phrase.Tokens);
        plainLog.Type(text);
        return new PhraseOutcome(text.Length, plainLog.Cost, plainLog.Actions, ResolutionPath.Spelled, -1, []);
    }

    // The context's text is part of the key: the same words after another partner turn are another query.
    private static string Key(int index, string user, TestPhrase phrase) =>
        $"{index}\u001f{user}\u001f{phrase.Text}\u001f{string.Join('\u001e', phrase.Context.Select(PhraseText.Render))}";

    private (ILanguageModel Model, Func<TypedAbbreviation, IReadOnlyList<ExpansionCandidate>> Expand) PhraseModel(TestPhrase phrase, int index, bool withContext)
    {
        var key = Key(index, "", phrase);
        if (key != _phraseKey)
        {
            _phraseKey = key;
            _phraseModels.Clear();
        }

        if (!_phraseModels.TryGetValue(withContext, out var entry))
        {
            var used = withContext ? dialogueModel.Given(phrase.Context) : dialogueModel.Alone;
            _phraseModels[withContext] = entry = (used, CachedExpander(used));
        }

        return entry;
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
