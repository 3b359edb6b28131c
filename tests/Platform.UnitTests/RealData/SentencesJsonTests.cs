using System.Text;
using Platform.Experiments.RealData;

namespace Platform.UnitTests.RealData;

public sealed class SentencesJsonTests
{
    [Fact]
    public void An_array_of_strings_reads_as_its_sentences_in_order()
    {
        var sentences = SentencesJson.Parse(Encoding.UTF8.GetBytes("[\"I am here.\", \"See you \\\"soon\\\".\"]"), "doc-0.json");

        Assert.Equal(["I am here.", "See you \"soon\"."], sentences);
    }

    [Theory]
    [InlineData("{\"a\": 1}", "expected a JSON array")]
    [InlineData("[\"a\", 3]", "item 2 is a Number")]
    [InlineData("[\"a\"", "not JSON")]
    public void A_malformed_file_is_refused_naming_the_problem(string json, string problem)
    {
        var error = Assert.Throws<MalformedDataException>(() => SentencesJson.Parse(Encoding.UTF8.GetBytes(json), "doc-0.json"));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fetched_corpus_holds_a_thousand_sentences_a_file()
    {
        var sentences = SentencesJson.Load(RealDataFiles.Default, 2);

        Assert.Equal(2_000, sentences.Count);
        Assert.All(sentences, s => Assert.False(string.IsNullOrWhiteSpace(s)));
    }
}
