using Platform.Experiments.TextEntry.Text;

namespace Platform.UnitTests.TextEntry;

public sealed class AbbreviationRulesTests
{
    [Theory]
    [InlineData("I saw him play in the bedroom", "ishpitb")]
    [InlineData("I can't go", "ictg")]
    [InlineData("see you at 10 o'clock", "sya10oc")]
    [InlineData("OK, but be quick.", "o,bbq")]
    [InlineData("Are you there?!", "ayt")]
    [InlineData("I don\u2019t know", "idtk")]
    [InlineData("we leave at 3pm, ok", "wla3pm,o")]
    [InlineData("  Hello   World  ", "hw")]
    public void Abbreviates_by_the_naacl_rules(string phrase, string abbreviation) =>
        Assert.Equal(abbreviation, AbbreviationRules.Abbreviate(phrase));

    [Fact]
    public void Can_and_cant_stay_distinct()
    {
        Assert.Equal("c", AbbreviationRules.Signature("can"));
        Assert.Equal("ct", AbbreviationRules.Signature("can't"));
    }

    [Fact]
    public void Tokens_keep_inner_apostrophes_and_drop_final_punctuation()
    {
        Assert.Equal(["ok", ",", "i'll", "be", "there"], PhraseText.Tokenize("OK, I'll be there."));
        Assert.Equal("ok, i'll be there", PhraseText.Render(PhraseText.Tokenize("OK, I'll be there.")));
    }
}
