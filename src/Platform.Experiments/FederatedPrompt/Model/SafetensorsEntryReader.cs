using System.Text.Json;
using static Platform.Experiments.FederatedPrompt.Model.SafetensorsLayout;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>
/// Reads one header entry (<c>{"dtype":"F32","shape":[...],"data_offsets":[begin,end]}</c>) with checked arithmetic,
/// so a negative or huge shape is a <see cref="FormatException"/> naming the tensor, never an overflow.
/// </summary>
internal static class SafetensorsEntryReader
{
    /// <summary>Tensor ranks of a ViT are at most 4; a few more leave room without letting a shape grow long.</summary>
    private const int MaxRank = 8;

    public static Tensor Read(ref Utf8JsonReader reader, string name)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, $"Tensor '{name}' is not a JSON object.");
        string? dtype = null;
        long[]? shape = null, offsets = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.GetString();
            reader.Read();
            switch (field)
            {
                case "dtype":
                    dtype = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    break;
                case "shape":
                    shape = Numbers(ref reader, name, "shape", MaxRank);
                    break;
                case "data_offsets":
                    offsets = Numbers(ref reader, name, "data_offsets", 2);
                    break;
                default:
                    throw new FormatException($"Tensor '{name}' has an unexpected field '{Quote(field ?? "")}'.");
            }
        }

        Expect(dtype == "F32", $"Tensor '{name}' is {Quote(dtype ?? "untyped")}; only F32 is supported.");
        Expect(shape is not null, $"Tensor '{name}' has no shape.");
        Expect(offsets is { Length: 2 }, $"Tensor '{name}' needs data_offsets [begin, end].");
        Expect(shape!.All(d => d >= 0), $"Tensor '{name}' has a negative dimension in [{string.Join(", ", shape!)}].");
        var bytes = ByteLength(shape!, name);
        var (begin, end) = (offsets![0], offsets[1]);
        Expect(begin >= 0 && end >= begin && end - begin == bytes,
            $"Tensor '{name}' has data offsets [{begin}, {end}], which do not hold its {bytes} bytes.");
        return new Tensor(name, shape!, begin, end);
    }

    private static long ByteLength(long[] shape, string name)
    {
        try
        {
            return checked(shape.Aggregate(1L, (product, dimension) => product * dimension) * sizeof(float));
        }
        catch (OverflowException)
        {
            throw new FormatException($"Tensor '{name}' has shape [{string.Join(", ", shape)}], too large to count.");
        }
    }

    private static long[] Numbers(ref Utf8JsonReader reader, string name, string field, int maxCount)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray, $"Tensor '{name}': {field} must be an array of whole numbers.");
        var numbers = new List<long>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out _) && numbers.Count < maxCount,
                $"Tensor '{name}': {field} must hold at most {maxCount} whole numbers that fit in 64 bits.");
            numbers.Add(reader.GetInt64());
        }

        return [.. numbers];
    }
}
