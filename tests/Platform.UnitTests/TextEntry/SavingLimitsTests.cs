using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Reporting;
using Platform.Experiments.TextEntry.Simulation;
using Platform.Experiments.TextEntry.Text;

namespace Platform.UnitTests.TextEntry;

/// <summary>The two ends of the keystroke saving rate, through the simulator the run uses.</summary>
public sealed class SavingLimitsTests
{
    private const string Phrase = "see you at 10 o'clock";

    private static PhraseSimulator Simulator(KneserNeyModel model) => new(
        new NgramDialogueModel(model, contextWeight: 4),
        [new SimulatedConfiguration(AbbreviationStrategy.KeywordsFillMask, UsesContext: true)],
        new AbbreviationUserSettings(AbbreviationStrategy.KeywordsFillMask, CandidatesShown: 5, MaxKeywordLetters: 4, FillMaskCandidates: 5, new ActionCosts()),
        beamWidth: 8, contextTurns: 1, keyboardSuggestions: 3, noiseSigma: 0, seed: 1);

    private static TestPhrase Reply(string text) =>
        new(PhraseText.Tokenize(text), [PhraseText.Tokenize("when shall we meet")]) { Turn = 1 };

    [Fact]
    public void Plain_typing_saves_nothing()
    {
        var simulator = Simulator(NgramModelTests.Train(3, "when shall we meet", "see you soon"));
        string[] texts = [Phrase, "ok, i'll bring 2 cups of tea", "hi"];

        var plain = texts.Select((text, i) => simulator.Plain(Reply(text), i)).ToList();

        Assert.All(plain, outcome => Assert.Equal(0, outcome.SavingRate, precision: 12));
        Assert.Equal(0, SavingRate.Of(plain), precision: 12);
    }

    [Fact]
    public void A_model_that_knows_the_phrase_saves_the_theoretical_maximum()
    {
        var simulator = Simulator(NgramModelTests.Train(3, Phrase, Phrase, "when shall we meet"));
        var phrase = Reply(Phrase);

        var results = simulator.Simulate(phrase, 0);

        // By hand: the initials are s, y, a, 1, 0, o, c (numerals stay, o'clock gives one letter per part): 7 keys and
        // one selection, for "see you at 10 o'clock" = 3 + 1 + 3 + 1 + 2 + 1 + 2 + 1 + 7 = 21 characters.
        const double maximum = 1 - ((7 + 1) / 21.0);
        var outcome = results.Abbreviation[0];
        Assert.Equal((ResolutionPath.Initials, 0), (outcome.Path, outcome.InitialRank));
        Assert.Equal(maximum, outcome.SavingRate, precision: 12);
        // The NAACL effective KSR of an exactly expanded reply is that same maximum.
        var statistics = new ClaimStatistics([phrase], results.Abbreviation, results.Abbreviation, null, [results.Keyboard]);
        Assert.Equal(maximum, statistics.ExactExpansionKsr([0], expandedOnly: true).Ksr, precision: 12);
    }
}
