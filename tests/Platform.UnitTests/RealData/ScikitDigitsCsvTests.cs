using System.IO.Compression;
using System.Text;
using Platform.Experiments.RealData;

namespace Platform.UnitTests.RealData;

public sealed class ScikitDigitsCsvTests
{
    private static MemoryStream Gzip(string text)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.ASCII.GetBytes(text));
        }
        buffer.Position = 0;
        return buffer;
    }

    private static string Line(int pixel, int label) => string.Join(",", Enumerable.Repeat(pixel, 64)) + "," + label;

    [Fact]
    public void Three_lines_read_as_three_8x8_images_with_their_labels_and_pixels_scaled_to_0_1()
    {
        var images = ScikitDigitsCsv.Parse(Gzip($"{Line(16, 3)}\n{Line(8, 3)}\n{Line(0, 9)}\n"), "tiny");

        Assert.Equal(8, images.Side);
        Assert.Equal(3, images.Count);
        Assert.Equal([0, 0, 0, 2, 0, 0, 0, 0, 0, 1], images.LabelCounts());
        Assert.Equal(1f, images.Image(0)[0]);
        Assert.Equal(0.5f, images.Image(1)[63]);
    }

    [Theory]
    [InlineData("1,2,3", "3 fields")]
    [InlineData("17", "expected an integer 0-16")]
    [InlineData("label10", "expected an integer 0-9")]
    public void A_malformed_line_is_refused_naming_the_line_and_field(string variant, string problem)
    {
        var line = variant switch
        {
            "17" => Line(17, 1),
            "label10" => Line(1, 10),
            _ => variant,
        };

        var error = Assert.Throws<MalformedDataException>(() => ScikitDigitsCsv.Parse(Gzip(line), "tiny"));

        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A gzip bomb: a few KB that claim megabytes once inflated are refused at the cap, not held whole.</summary>
    [Fact]
    public void A_file_that_inflates_past_the_cap_is_refused()
    {
        var bomb = Gzip(new string('0', (int)ScikitDigitsCsv.MaxTextBytes * 2));
        Assert.True(bomb.Length < 64 << 10);

        var error = Assert.Throws<MalformedDataException>(() => ScikitDigitsCsv.Parse(bomb, "bomb"));

        Assert.Contains($"more than the {ScikitDigitsCsv.MaxTextBytes} bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_gzip_is_refused()
    {
        var error = Assert.Throws<MalformedDataException>(() => ScikitDigitsCsv.Parse(new MemoryStream(Encoding.ASCII.GetBytes("0,1,2")), "plain"));

        Assert.Contains("not gzip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_file_holds_scikit_learns_1797_digits()
    {
        var images = ScikitDigitsCsv.Load();

        Assert.Equal(1_797, images.Count);
        Assert.Equal([178, 182, 177, 183, 181, 182, 181, 179, 174, 180], images.LabelCounts());
    }
}
