using Platform.Experiments.TextEntry.Corpus;

namespace Platform.UnitTests.TextEntry;

/// <summary>DailyDialog's format (a dialogue a line, turns ended by __eou__), on a sample written for this test.</summary>
public sealed class DailyDialogFormatTests
{
    private static string Sample(int dialogues) => string.Join("\n", Enumerable.Range(0, dialogues).Select(i =>
        $"Are you coming to dinner {i} ? __eou__ Yes , I 'll be there at seven . __eou__ Great , see you then . __eou__"));

    [Fact]
    public void Each_line_is_a_dialogue_and_each_eou_ends_a_turn()
    {
        var (dialogues, errors) = CorpusParser.Parse(Sample(12) + "\n");

        Assert.Empty(errors);
        Assert.Equal(12, dialogues.Count);
        Assert.Equal(["Are you coming to dinner 0 ?", "Yes , I 'll be there at seven .", "Great , see you then ."], dialogues[0].Turns);
    }

    [Fact]
    public void A_line_with_one_turn_is_refused_with_its_line_number()
    {
        var (_, errors) = CorpusParser.Parse(Sample(11) + "\nOnly one turn here . __eou__\n");

        Assert.Contains(errors, e => e.StartsWith("Line 12: a dialogue needs at least two turns", StringComparison.Ordinal));
    }

    [Fact]
    public void Too_few_dialogues_are_refused()
    {
        var (_, errors) = CorpusParser.Parse(Sample(3));

        Assert.Contains(errors, e => e.Contains("at least 10 dialogues", StringComparison.Ordinal));
    }

    [Fact]
    public void The_turn_a_line_format_still_reads_as_before()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 10).Select(i => $"hello {i}\nhi there"));

        var (dialogues, errors) = CorpusParser.Parse(text);

        Assert.Empty(errors);
        Assert.Equal(10, dialogues.Count);
        Assert.Equal(["hello 0", "hi there"], dialogues[0].Turns);
    }
}
