using System.Buffers.Binary;
using System.Text;
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

    /// <summary>
    /// Decodes a file holding exactly the <paramref name="expected"/> tensors (name to shape). The layout is checked
    /// first (see <see cref="SafetensorsLayout"/>), so a crafted file allocates nothing beyond its own size.
    /// </summary>
    /// <exception cref="FormatException">Says what is wrong.</exception>
    public static Dictionary<string, Entry> Read(ReadOnlySpan<byte> bytes, IReadOnlyDictionary<string, long[]> expected)
    {
        var layout = SafetensorsLayout.Check(bytes, expected);
        var data = bytes[layout.DataStart..];
        var tensors = new Dictionary<string, Entry>(layout.Tensors.Count, StringComparer.Ordinal);
        foreach (var tensor in layout.Tensors)
        {
            var values = new float[tensor.Count];
            var source = data[(int)tensor.Begin..(int)tensor.End];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(source[(4 * i)..]);
            }

            tensors[tensor.Name] = new Entry(tensor.Shape, values);
        }

        return tensors;
    }
}
