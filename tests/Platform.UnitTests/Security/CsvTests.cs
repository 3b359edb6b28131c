using Platform.Web.Api;

namespace Platform.UnitTests.Security;

public sealed class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("loss", "loss")]
    [InlineData("a,b", "\"a,b\"")]
    public void A_text_cell_that_begins_like_a_formula_is_neutralised(string text, string cell) =>
        Assert.Equal(cell, Csv.Text(text));

    [Theory]
    [InlineData(-1.5, "-1.5")]
    [InlineData(-0.0001, "-0.0001")]
    [InlineData(2, "2")]
    public void A_negative_number_stays_a_number(double value, string cell) =>
        Assert.Equal(cell, Csv.Number(value));
}
