using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>
/// Reads and writes the safetensors format (8-byte little-endian header length, JSON header, raw little-endian
/// data) for float32 tensors, held as plain arrays so it needs no LibTorch.
/// </summary>
public static class Safetensors
{
    public sealed record Entry(long[] Shape, float[] Values);

    public static byte[] Write(IReadOnlyDictionary<string, Entry> tensors)
    {
        var header = new JsonObject();
        long offset = 0;
        foreach (var (name, entry) in tensors.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var end = offset + entry.Values.Length * sizeof(float);
            header[name] = new JsonObject
            {
                ["dtype"] = "F32",
                ["shape"] = new JsonArray([.. entry.Shape.Select(s => JsonValue.Create(s))]),
                ["data_offsets"] = new JsonArray(offset, end),
            };
            offset = end;
        }

        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var bytes = new byte[8 + json.Length + offset];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        var data = bytes.AsSpan(8 + json.Length);
        foreach (var (name, entry) in tensors.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var begin = header[name]!["data_offsets"]![0]!.GetValue<long>();
            for (var i = 0; i < entry.Values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(data[(int)(begin + 4 * i)..], entry.Values[i]);
            }
        }
        return bytes;
    }

    /// <summary>Parses a file; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static Dictionary<string, Entry> Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8)
        {
            throw new FormatException("The file is shorter than a safetensors header.");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8))
        {
            throw new FormatException("The safetensors header length exceeds the file.");
        }

        JsonObject header;
        try
        {
            header = JsonNode.Parse(bytes.Slice(8, (int)headerLength))?.AsObject() ?? throw new FormatException("Empty safetensors header.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The safetensors header is not valid JSON: {e.Message}");
        }

        var data = bytes[(8 + (int)headerLength)..];
        var tensors = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__")
            {
                continue;
            }
            tensors[name] = ReadEntry(name, node, data);
        }
        return tensors;
    }

    private static Entry ReadEntry(string name, JsonNode? node, ReadOnlySpan<byte> data)
    {
        var dtype = node?["dtype"]?.GetValue<string>();
        if (dtype != "F32")
        {
            throw new FormatException($"Tensor '{name}' is {dtype ?? "untyped"}; only F32 is supported.");
        }

        var shape = node!["shape"]!.AsArray().Select(s => s!.GetValue<long>()).ToArray();
        var offsets = node["data_offsets"]!.AsArray().Select(o => o!.GetValue<long>()).ToArray();
        var count = shape.Aggregate(1L, (a, b) => a * b);
        if (offsets.Length != 2 || offsets[1] - offsets[0] != count * sizeof(float) || offsets[1] > data.Length || offsets[0] < 0)
        {
            throw new FormatException($"Tensor '{name}' has data offsets that do not match its shape or the file.");
        }

        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(int)(offsets[0] + 4 * i)..]);
        }
        return new Entry(shape, values);
    }
}
