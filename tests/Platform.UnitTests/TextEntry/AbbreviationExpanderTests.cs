using Platform.Experiments.TextEntry.Expansion;
using Platform.Experiments.TextEntry.Text;

namespace Platform.UnitTests.TextEntry;

public sealed class AbbreviationExpanderTests
{
    // "the bedroom" is planted as the most frequent way to end "i saw him play in t b"; the rest share its initials.
    private static readonly string[] s_corpus =
    [
        "i saw him play in the bedroom", "i saw him play in the bedroom", "i saw him play in the bedroom",
        "i sat here playing in the bath", "it should help people in town", "i saw her play in the basement",
        "i see him put in the bag", "i saw his plan in the book",
    ];

    [Fact]
    public void Beam_search_ranks_the_planted_phrase_first()
    {
        var expander = new AbbreviationExpander(NgramModelTests.Train(3, s_corpus), beamWidth: 16);

        var candidates = expander.Expand(TypedAbbreviation.Parse("ishpitb"), topN: 5);

        Assert.Equal("i saw him play in the bedroom", candidates[0].Text);
        Assert.True(candidates.Count > 1);
        Assert.All(candidates, c => Assert.Equal("ishpitb", AbbreviationRules.Abbreviate(c.Tokens)));
        Assert.Equal(candidates.OrderByDescending(c => c.LogProb).Select(c => c.Text), candidates.Select(c => c.Text));
    }

    [Fact]
    public void A_keyword_pins_its_word_and_an_unknown_keyword_is_used_as_typed()
    {
        var expander = new AbbreviationExpander(NgramModelTests.Train(3, s_corpus), beamWidth: 16);

        var basement = expander.Expand(TypedAbbreviation.Parse("ishpit bas"), topN: 5);
        var unknown = expander.Expand(TypedAbbreviation.Parse("ishpit garage"), topN: 5);

        Assert.Equal("i saw him play in the basement", basement[0].Text);
        Assert.All(basement, c => Assert.StartsWith("bas", c.Tokens[^1], StringComparison.Ordinal));
        Assert.Equal("i saw him play in the garage", unknown[0].Text);
    }

    [Fact]
    public void Contractions_and_numerals_consume_their_whole_signature()
    {
        var expander = new AbbreviationExpander(NgramModelTests.Train(3, "i can't come at 10 o'clock", "i can come at 9"), beamWidth: 8);

        Assert.Equal("i can't come at 10 o'clock", expander.Expand(TypedAbbreviation.Parse("ictca10oc"), 3)[0].Text);
        Assert.Equal("i can come at 9", expander.Expand(TypedAbbreviation.Parse("icca9"), 3)[0].Text);
    }

    [Theory]
    [InlineData("ishpitb")]
    [InlineData("ishpit bedr")]
    [InlineData("i saw hpitb")]
    [InlineData("i saw  him pitb")]
    [InlineData(" saw hpitb")]
    public void Typed_abbreviations_parse_and_render_back(string typed) =>
        Assert.Equal(typed, TypedAbbreviation.Parse(typed).Render());

    [Fact]
    public void Keywords_sit_between_the_spaces()
    {
        var segments = TypedAbbreviation.Parse("i saw  him pitb").Segments;
        Assert.Equal([("i", false), ("saw", true), ("him", true), ("pitb", false)], segments.Select(s => (s.Text, s.IsKeyword)));
    }

    [Fact]
    public void Fill_mask_proposes_words_with_the_same_initial()
    {
        var fillMask = new FillMask(NgramModelTests.Train(3, s_corpus));

        var proposals = fillMask.Propose(PhraseText.Tokenize("i saw him play in the bath"), 6, 'b', 3);

        Assert.Equal("bedroom", proposals[0]);
        Assert.DoesNotContain("bath", proposals);
        Assert.All(proposals, p => Assert.StartsWith("b", p, StringComparison.Ordinal));
    }
}
