using System.Buffers.Binary;
using System.Text.Json;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>
/// The checked table of contents of a safetensors file. Every rule is checked on the header alone, before a single
/// tensor is allocated: a file names only the model's tensors, each once, in the model's shapes, and their byte ranges
/// are sorted, contiguous and cover the data exactly, so decoding allocates no more floats than the file holds bytes.
/// </summary>
public sealed class SafetensorsLayout
{
    /// <summary>Far above the header of the largest ViT (about 150 entries of some 100 bytes each), far below harm.</summary>
    public const int MaxHeaderBytes = 1 << 20;

    private SafetensorsLayout(IReadOnlyList<Tensor> tensors, int dataStart)
    {
        Tensors = tensors;
        DataStart = dataStart;
    }

    public sealed record Tensor(string Name, long[] Shape, long Begin, long End)
    {
        public int Count => checked((int)((End - Begin) / sizeof(float)));
    }

    /// <summary>The tensors in file order (ascending offsets).</summary>
    public IReadOnlyList<Tensor> Tensors { get; }

    /// <summary>Where the data section begins in the file.</summary>
    public int DataStart { get; }

    /// <exception cref="FormatException">Says what is wrong, quoting at most a short part of the file.</exception>
    public static SafetensorsLayout Check(ReadOnlySpan<byte> file, IReadOnlyDictionary<string, long[]> expected) =>
        Check(file, file.Length, expected);

    /// <summary>
    /// Checks a file of <paramref name="fileLength"/> bytes from its first bytes alone: <paramref name="head"/> holds at
    /// least the length prefix and the header (see <see cref="SafetensorsStream.ReadHeadAsync"/>), or the whole file.
    /// </summary>
    /// <exception cref="FormatException">Says what is wrong, quoting at most a short part of the file.</exception>
    public static SafetensorsLayout Check(ReadOnlySpan<byte> head, long fileLength, IReadOnlyDictionary<string, long[]> expected)
    {
        var file = head;
        if (fileLength < 8)
        {
            throw new FormatException("The file is shorter than a safetensors header.");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(file);
        if (headerLength > (ulong)(fileLength - 8))
        {
            throw new FormatException($"The header length ({headerLength} bytes) runs past the end of the file ({fileLength} bytes).");
        }

        if (headerLength > MaxHeaderBytes)
        {
            throw new FormatException($"The header is {headerLength} bytes; at most {MaxHeaderBytes} are accepted.");
        }

        var dataStart = 8 + (int)headerLength;
        if (file.Length < dataStart)
        {
            throw new ArgumentException("The head must hold the whole header.", nameof(head));
        }

        var tensors = ReadHeader(file[8..dataStart], expected);
        CheckCoverage(tensors, fileLength - dataStart);
        return new SafetensorsLayout(tensors, dataStart);
    }

    private static List<Tensor> ReadHeader(ReadOnlySpan<byte> header, IReadOnlyDictionary<string, long[]> expected)
    {
        var tensors = new List<Tensor>(expected.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            // A streaming reader, not a DOM: a header of 100,000 entries is refused at the entry after the model's last.
            var reader = new Utf8JsonReader(header, new JsonReaderOptions { MaxDepth = 4 });
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "The header is not a JSON object.");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (name == "__metadata__")
                {
                    reader.Skip();
                    continue;
                }

                Expect(seen.Add(name), $"Tensor '{Quote(name)}' appears twice.");
                Expect(expected.TryGetValue(name, out var shape), $"Tensor '{Quote(name)}' is not part of the model.");
                var tensor = SafetensorsEntryReader.Read(ref reader, name);
                Expect(tensor.Shape.SequenceEqual(shape!),
                    $"Tensor '{name}' has shape [{string.Join(", ", tensor.Shape)}], expected [{string.Join(", ", shape!)}].");
                tensors.Add(tensor);
            }

            Expect(reader.TokenType == JsonTokenType.EndObject && !reader.Read(), "The header has data after its JSON object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The safetensors header is not valid JSON: {e.Message}");
        }

        if (expected.Keys.FirstOrDefault(name => !seen.Contains(name)) is { } missing)
        {
            throw new FormatException($"Tensor '{missing}' is missing.");
        }

        return tensors;
    }

    /// <summary>Sorted, contiguous, non-overlapping and covering the data exactly: no byte is read twice or left over.</summary>
    private static void CheckCoverage(List<Tensor> tensors, long dataLength)
    {
        tensors.Sort((a, b) => a.Begin.CompareTo(b.Begin));
        long next = 0;
        foreach (var tensor in tensors)
        {
            Expect(tensor.Begin == next, tensor.Begin < next
                ? $"Tensor '{tensor.Name}' overlaps the tensor before it (starts at byte {tensor.Begin}, before {next})."
                : $"Tensor '{tensor.Name}' leaves a gap (starts at byte {tensor.Begin}, expected {next}).");
            next = tensor.End;
        }

        Expect(next == dataLength, next > dataLength
            ? $"The tensors need {next} bytes of data but the file holds {dataLength}: it is truncated."
            : $"The file holds {dataLength - next} bytes of data after its last tensor.");
    }

    internal static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new FormatException(message);
        }
    }

    /// <summary>A name from the file, shortened: it may be megabytes of hostile text.</summary>
    internal static string Quote(string name) => name.Length <= 64 ? name : name[..64] + "…";
}
