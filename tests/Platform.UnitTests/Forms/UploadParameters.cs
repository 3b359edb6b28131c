using Platform.Experiments.Contract;

namespace Platform.UnitTests.Forms;

/// <summary>Knobs that <see cref="Contract.Parameters.SampleParameters"/> lacks: an upload, free-text lists, a fraction.</summary>
public sealed class UploadParameters
{
    [Parameter("A corpus, one phrase per line.", Upload = true, MaxLength = 20)]
    public string Corpus { get; set; } = "";

    [Parameter("Labels.", MaxItems = 3)]
    public List<string> Labels { get; set; } = ["a b", "c"];

    [Parameter("Dropout probabilities.", Minimum = 0, Maximum = 1, MinItems = 2)]
    public List<double> Dropouts { get; set; } = [0.1, 0.5];

    [Parameter("Name of the run.", MaxLength = 5)]
    public string Name { get; set; } = "x";

    public long Budget { get; set; } = 3_000_000_000;
}
