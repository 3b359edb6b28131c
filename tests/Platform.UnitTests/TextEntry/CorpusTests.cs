using Platform.Experiments.TextEntry;
using Platform.Experiments.TextEntry.Corpus;

namespace Platform.UnitTests.TextEntry;

public sealed class CorpusTests
{
    private static string Valid(int dialogues = 12) =>
        string.Join("\n\n", Enumerable.Range(0, dialogues).Select(i => $"how are you {i}\ni am fine, thanks\ngood to hear"));

    [Fact]
    public void A_well_formed_upload_parses_into_dialogues()
    {
        var (dialogues, errors) = CorpusParser.Parse(Valid().Replace("\n", "\r\n", StringComparison.Ordinal) + "\n\n\n");

        Assert.Empty(errors);
        Assert.Equal(12, dialogues.Count);
        Assert.Equal(["how are you 0", "i am fine, thanks", "good to hear"], dialogues[0].Turns);
    }

    [Theory]
    [InlineData("only one turn\n\n", "Line 1: a dialogue needs at least two turns")]
    [InlineData("hello\n!!!\n\n", "Line 2: a turn needs at least one word")]
    [InlineData("hello\nbad \u0001 byte\n\n", "Line 2: contains a control character")]
    public void A_malformed_upload_is_rejected_with_its_line(string prefix, string message)
    {
        var (_, errors) = CorpusParser.Parse(prefix + Valid());

        Assert.Contains(errors, e => e.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Too_few_dialogues_and_overlong_turns_are_rejected()
    {
        Assert.Contains("at least 10 dialogues", Assert.Single(CorpusParser.Parse(Valid(3)).Errors), StringComparison.Ordinal);
        Assert.Contains("at most 400 characters", CorpusParser.Parse(new string('a', 401) + "\nok\n\n" + Valid()).Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_report_a_bad_upload_against_the_corpus_field()
    {
        var parameters = new TextEntryParameters { CorpusText = "just one line" };

        var (field, message) = Assert.Single(parameters.Validate());

        Assert.Equal("corpusText", field);
        Assert.Contains("two turns", message, StringComparison.Ordinal);
        Assert.Empty(new TextEntryParameters().Validate());
        Assert.Empty(new TextEntryParameters { CorpusText = Valid() }.Validate());
    }

    [Fact]
    public void The_generator_is_reproducible_and_reuses_context_words_when_asked()
    {
        var first = SyntheticDialogues.Generate(50, 1.0, new Random(3));
        var again = SyntheticDialogues.Generate(50, 1.0, new Random(3));

        Assert.Equal(first.SelectMany(d => d.Turns), again.SelectMany(d => d.Turns));
        Assert.All(first, d => Assert.Equal(6, d.Turns.Count));
        Assert.Equal(CorpusSplit.HashOf(first), CorpusSplit.HashOf(again));
        Assert.NotEqual(CorpusSplit.HashOf(first), CorpusSplit.HashOf(SyntheticDialogues.Generate(50, 1.0, new Random(4))));
    }

    [Fact]
    public void Splits_are_by_whole_dialogue()
    {
        var dialogues = SyntheticDialogues.Generate(100, 0.5, new Random(1));

        var split = CorpusSplit.Of(dialogues, 0.1, 0.2, new Random(2));

        Assert.Equal((70, 10, 20), (split.Train.Count, split.Dev.Count, split.Test.Count));
        Assert.Equal(100, split.Train.Concat(split.Dev).Concat(split.Test).Distinct().Count());
    }
}
