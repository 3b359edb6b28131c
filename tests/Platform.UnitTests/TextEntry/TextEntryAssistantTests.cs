using Platform.Experiments.TextEntry.Expansion;
using Platform.Experiments.TextEntry.Model;

namespace Platform.UnitTests.TextEntry;

public sealed class TextEntryAssistantTests
{
    private static TextEntryAssistant Assistant()
    {
        var model = NgramModelTests.Train(3,
            "do you want some tea", "do you want some tea", "do you want some toast", "the toast is ready", "i like tea");
        return TextEntryAssistant.Load(NgramModelFile.Write(model, 8));
    }

    [Fact]
    public void Expands_from_the_saved_model_with_keystrokes_saved()
    {
        var suggestions = Assistant().Expand("dywst", partnerTurn: null, topN: 3);

        var best = suggestions[0];
        Assert.Equal("do you want some tea", best.Phrase);
        // 20 characters, 5 keys typed and 1 selection.
        Assert.Equal(14, best.KeystrokesSaved);
        Assert.Equal(1 - 6.0 / 20, best.SavingRate, precision: 12);
        Assert.Contains(suggestions, s => s.Phrase == "do you want some toast");
    }

    [Fact]
    public void The_partners_turn_moves_its_words_up()
    {
        var suggestions = Assistant().Expand("dywst", partnerTurn: "We have toast!", topN: 3);

        Assert.Equal("do you want some toast", suggestions[0].Phrase);
    }

    [Fact]
    public void Nothing_typed_gives_nothing() => Assert.Empty(Assistant().Expand("   ", null));
}
