using Platform.Experiments.TextEntry.Expansion;
using Platform.Experiments.TextEntry.Simulation;
using Platform.Experiments.TextEntry.Text;

namespace Platform.UnitTests.TextEntry;

/// <summary>Action counts worked out by hand for each strategy and for the keyboard.</summary>
public sealed class SimulatedUserTests
{
    private static readonly ActionCosts s_unit = new();

    private static AbbreviationUser User(AbbreviationStrategy strategy, Func<string, string[]> shown, FillMask? fillMask = null, bool countAbandoned = true) =>
        new(typed => [.. shown(typed.Render()).Select(p => new ExpansionCandidate(PhraseText.Tokenize(p), 0))],
            fillMask, new AbbreviationUserSettings(strategy, 5, 4, 5, s_unit, countAbandoned));

    [Fact]
    public void Initials_that_show_the_phrase_cost_the_initials_and_one_selection()
    {
        var user = User(AbbreviationStrategy.InitialsOnly, typed => typed == "ish" ? ["i saw her", "i saw him"] : []);

        var outcome = user.Enter(PhraseText.Tokenize("i saw him"));

        // i, s, h + select = 4 actions for 9 characters.
        Assert.Equal(4, outcome.Cost);
        Assert.Equal(9, outcome.Characters);
        Assert.Equal(1 - 4.0 / 9, outcome.SavingRate, precision: 12);
        Assert.Equal((ResolutionPath.Initials, 1), (outcome.Path, outcome.InitialRank));
    }

    [Fact]
    public void A_miss_with_initials_only_is_spelled_and_the_initials_still_count()
    {
        var user = User(AbbreviationStrategy.InitialsOnly, _ => ["i sat here"]);
        var dropAbandoned = User(AbbreviationStrategy.InitialsOnly, _ => ["i sat here"], countAbandoned: false);

        var outcome = user.Enter(PhraseText.Tokenize("i saw him"));

        // 3 initials wasted, then 9 characters typed (7 letters, 2 spaces).
        Assert.Equal(12, outcome.Cost);
        Assert.Equal(ResolutionPath.Spelled, outcome.Path);
        Assert.Equal(-1, outcome.InitialRank);
        Assert.Equal(9, dropAbandoned.Enter(PhraseText.Tokenize("i saw him")).Cost);
    }

    [Fact]
    public void A_keyword_costs_its_new_letters_and_the_spaces_around_it()
    {
        var user = User(AbbreviationStrategy.Keywords, typed => typed switch
        {
            "ish" => ["i sat here"],
            "i sa h" => ["i sat him", "i saw him"],
            _ => [],
        });

        var outcome = user.Enter(PhraseText.Tokenize("i saw him"));

        // "ish" (3), then "i sa h": one more letter and two spaces (3), then select (1).
        Assert.Equal(7, outcome.Cost);
        Assert.Equal(ResolutionPath.Keywords, outcome.Path);
        Assert.Equal(["ish", "i sa h"], outcome.Steps.Select(s => s.Typed));
        Assert.Equal(2, outcome.Actions.Count(a => a == ActionKind.Space));
    }

    [Fact]
    public void A_keyword_grows_letter_by_letter_then_is_completed()
    {
        var user = User(AbbreviationStrategy.Keywords, typed => typed == "i saw h" ? ["i saw him"] : ["i sat here"]);

        var outcome = user.Enter(PhraseText.Tokenize("i saw him"));

        // ish (3) → i sa h (+1 letter, +2 spaces) → i saw h (+1 letter) → select.
        Assert.Equal(3 + 3 + 1 + 1, outcome.Cost);
        Assert.Equal(["ish", "i sa h", "i saw h"], outcome.Steps.Select(s => s.Typed));
    }

    [Fact]
    public void Fill_mask_fixes_a_phrase_one_long_word_off()
    {
        var model = NgramModelTests.Train(3, "i saw henry", "i saw henry", "i saw henry", "i saw harriet");
        var expander = new AbbreviationExpander(model, 8);
        var user = new AbbreviationUser(typed => expander.Expand(typed, 1), new FillMask(model),
            new AbbreviationUserSettings(AbbreviationStrategy.KeywordsFillMask, 1, 4, 5, s_unit));

        var outcome = user.Enter(PhraseText.Tokenize("i saw harriet"));

        // ish (3), select "henry" to replace (1), pick "harriet" (1), speak the phrase (1).
        Assert.Equal(ResolutionPath.FillMask, outcome.Path);
        Assert.Equal(6, outcome.Cost);
        Assert.Equal([ActionKind.FillMaskSelectWord, ActionKind.FillMaskPick, ActionKind.SelectPhrase], outcome.Actions.Skip(3));
    }

    [Fact]
    public void The_keyboard_selects_predicted_words_and_types_the_rest()
    {
        var model = NgramModelTests.Train(2, "i saw him");
        var keyboard = new PredictiveKeyboardUser(model, suggestions: 1, s_unit);

        var known = keyboard.Enter(PhraseText.Tokenize("i saw him"));
        var unknown = keyboard.Enter(PhraseText.Tokenize("i saw her"));

        // Each word is the one prediction: 3 selections for 9 characters.
        Assert.Equal(3, known.Cost);
        // "her" is never suggested: i (select), saw (select), h, e, r typed in full.
        Assert.Equal(5, unknown.Cost);
        Assert.Equal([ActionKind.SelectSuggestion, ActionKind.SelectSuggestion, ActionKind.Keystroke, ActionKind.Keystroke, ActionKind.Keystroke], unknown.Actions);
    }

    [Fact]
    public void The_keyboard_types_a_space_after_a_word_it_did_not_select()
    {
        var model = NgramModelTests.Train(2, "ok, we go");
        var keyboard = new PredictiveKeyboardUser(model, suggestions: 1, s_unit);

        var outcome = keyboard.Enter(PhraseText.Tokenize("no, we go"));

        // n, o, ",", space, "we" (select), "go" (select) = 6 actions for "no, we go" (9 characters).
        Assert.Equal(6, outcome.Cost);
        Assert.Equal(9, outcome.Characters);
    }

    [Fact]
    public void Typing_noise_only_adds_correction_keystrokes_and_is_seeded()
    {
        var user = User(AbbreviationStrategy.InitialsOnly, typed => ["i saw him"]);
        var phrase = PhraseText.Tokenize("i saw him");

        var clean = user.Enter(phrase, new TypingNoise(0, new Random(1)));
        var noisy = Enumerable.Range(0, 50).Select(s => user.Enter(phrase, new TypingNoise(0.5, new Random(s))).Cost).ToList();

        Assert.Equal(4, clean.Cost);
        Assert.All(noisy, cost => Assert.True(cost >= 4 && (cost - 4) % 2 == 0));
        Assert.Contains(noisy, cost => cost > 4);
        Assert.Equal(noisy[7], user.Enter(phrase, new TypingNoise(0.5, new Random(7))).Cost);
    }
}
