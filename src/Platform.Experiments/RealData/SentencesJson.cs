using System.Text.Json;

namespace Platform.Experiments.RealData;

/// <summary>npm nlp-corpus@4.4.0's format: each file a JSON array of sentences (strings), 1,000 to a file.</summary>
public static class SentencesJson
{
    /// <summary>The package's files are about 190 KB each.</summary>
    public const long MaxFileBytes = 2 << 20;

    /// <summary>The sentences of the first <paramref name="fileCount"/> files, in file order.</summary>
    public static IReadOnlyList<string> Load(RealDataFiles files, int fileCount)
    {
        var sentences = new List<string>();
        for (var f = 0; f < fileCount; f++)
        {
            var path = files.Sentences(f);
            sentences.AddRange(Parse(BoundedFile.Read(path, MaxFileBytes), path));
        }
        return sentences;
    }

    public static IReadOnlyList<string> Parse(ReadOnlySpan<byte> json, string source)
    {
        var sentences = new List<string>();
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new MalformedDataException(source, "expected a JSON array of sentences.");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw new MalformedDataException(source, $"item {sentences.Count + 1} is a {reader.TokenType}; expected a string.");
                }
                sentences.Add(reader.GetString()!);
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                throw new MalformedDataException(source, "the array is not closed.");
            }
        }
        catch (JsonException e)
        {
            throw new MalformedDataException(source, $"not JSON ({e.Message}).");
        }
        return sentences;
    }
}
