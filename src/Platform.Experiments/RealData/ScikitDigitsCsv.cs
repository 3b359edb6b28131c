using System.IO.Compression;
using System.Text;

namespace Platform.Experiments.RealData;

/// <summary>
/// scikit-learn's digits.csv.gz: one image a line, 64 counts 0-16 (an 8x8 grid of 4x4 blocks of a 32x32 bitmap)
/// and the label 0-9. The decompressed text is capped before it is held, so a gzip bomb is refused.
/// </summary>
public static class ScikitDigitsCsv
{
    public const int Side = 8;
    private const int Columns = Side * Side + 1;

    /// <summary>The shipped file is 265 KB decompressed (1,797 lines).</summary>
    public const long MaxTextBytes = 1 << 20;

    public static DigitImages Load() => Parse(RealDataFiles.ScikitDigits(), "scikit-learn digits.csv.gz");

    public static DigitImages Parse(Stream gzip, string source)
    {
        byte[] text;
        try
        {
            using var inflate = new GZipStream(gzip, CompressionMode.Decompress);
            text = BoundedFile.Read(inflate, MaxTextBytes, source);
        }
        catch (InvalidDataException e)
        {
            throw new MalformedDataException(source, $"not gzip ({e.Message}).");
        }

        var lines = Encoding.ASCII.GetString(text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var pixels = new float[lines.Length * Side * Side];
        var labels = new long[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            if (fields.Length != Columns)
            {
                throw new MalformedDataException(source, $"line {i + 1} has {fields.Length} fields; expected {Columns} (64 pixels and a label).");
            }

            for (var j = 0; j < Columns; j++)
            {
                var max = j < Columns - 1 ? 16 : 9;
                if (!int.TryParse(fields[j], out var value) || value < 0 || value > max)
                {
                    throw new MalformedDataException(source, $"line {i + 1}, field {j + 1} is '{fields[j]}'; expected an integer 0-{max}.");
                }

                if (j < Columns - 1)
                {
                    pixels[i * Side * Side + j] = value / 16f;
                }
                else
                {
                    labels[i] = value;
                }
            }
        }
        return new DigitImages(Side, pixels, labels);
    }
}
