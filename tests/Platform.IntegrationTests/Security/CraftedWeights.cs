using System.Buffers.Binary;
using System.Text;
using Platform.Experiments.FederatedPrompt;
using Platform.Experiments.FederatedPrompt.Model;

namespace Platform.IntegrationTests.Security;

/// <summary>
/// Safetensors files crafted as an attacker would, for a small custom ViT (width 16, depth 1) so each fits a request.
/// The header is written as raw JSON, so names can repeat and numbers can be anything.
/// </summary>
internal static class CraftedWeights
{
    /// <summary>The parameters (besides the file) every crafted submission uses: the small model the files are built for.</summary>
    public const string ModelJson = """ "modelPreset":"custom","width":16,"depth":1,"heads":2,"patchSize":8 """;

    public static VitConfig Config => VitConfig.From(new FederatedPromptParameters
    {
        ModelPreset = ModelPreset.Custom, Width = 16, Depth = 1, Heads = 2, PatchSize = 8,
    });

    public sealed record Header(string Name, long[] Shape, long Begin, long End, string Dtype = "F32");

    /// <summary>The model's own layout: every tensor once, back to back in name order.</summary>
    public static List<Header> Valid()
    {
        long offset = 0;
        var headers = new List<Header>();
        foreach (var (name, shape) in VitShapes.Pretrained(Config).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var bytes = shape.Aggregate(1L, (a, b) => a * b) * sizeof(float);
            headers.Add(new Header(name, shape, offset, offset + bytes));
            offset += bytes;
        }

        return headers;
    }

    public static long DataLength(IEnumerable<Header> headers) => headers.Max(h => h.End);

    /// <summary>A file with these entries and <paramref name="dataLength"/> bytes of data (default: what the entries claim).</summary>
    public static byte[] File(IReadOnlyList<Header> headers, long? dataLength = null, ulong? headerLength = null)
    {
        var json = new StringBuilder("{");
        foreach (var h in headers)
        {
            json.Append($"\"{h.Name}\":{{\"dtype\":\"{h.Dtype}\",\"shape\":[{string.Join(",", h.Shape)}],\"data_offsets\":[{h.Begin},{h.End}]}},");
        }

        json.Length--;
        json.Append('}');
        var header = Encoding.UTF8.GetBytes(json.ToString());
        var file = new byte[8 + header.Length + (dataLength ?? DataLength(headers))];
        BinaryPrimitives.WriteUInt64LittleEndian(file, headerLength ?? (ulong)header.Length);
        header.CopyTo(file, 8);
        return file;
    }

    /// <summary>Each crafted file by name: what a parser that trusts it would do, in a few words.</summary>
    public static IReadOnlyList<(string Name, byte[] File)> All() =>
    [
        ("overlapping ranges", File(Overlapping())),
        ("a negative dimension", File(Replace(0, h => h with { Shape = [-1, .. h.Shape[1..]] }))),
        // Offsets that run backwards by exactly the negative size: a length-only check passes it on to new float[-1].
        ("a negative dimension with offsets to match", File(Replace(0, h => h with { Shape = [-1], Begin = 4, End = 0 }), DataLength(Valid()))),
        ("a dimension of 2^62 (overflows when counted)", File(Replace(0, h => h with { Shape = [1L << 62, 1L << 62] }))),
        ("a 1 GB shape with offsets to match", File(Replace(0, h => h with { Shape = [1L << 28], End = h.Begin + (4L << 28) }), DataLength(Valid()))),
        ("data cut short", File(Valid(), DataLength(Valid()) / 2)),
        ("a header length past the end", File(Valid(), headerLength: ulong.MaxValue - 7)),
        ("a duplicate name", File([.. Valid(), Valid()[0]])),
        ("a tensor the model does not have", File([.. Valid(), new Header("body.blocks.9.hidden.weight", [4], DataLength(Valid()), DataLength(Valid()) + 16)])),
        ("a missing tensor", File(Valid()[1..].Select(h => h with { Begin = h.Begin - Valid()[0].End, End = h.End - Valid()[0].End }).ToList())),
        ("a gap between tensors", File(Valid().Select(h => h with { Begin = h.Begin + 4, End = h.End + 4 }).ToList(), DataLength(Valid()) + 4)),
        ("bytes after the last tensor", File(Valid(), DataLength(Valid()) + 1024)),
        ("a float16 tensor", File(Replace(0, h => h with { Dtype = "F16" }))),
        ("a header that is not JSON", [.. BitConverter.GetBytes(4L), .. "nope"u8]),
    ];

    /// <summary>
    /// 100,000 entries, every one pointing at the same 4 KB: a parser that checked lengths only would allocate
    /// 100,000 × 4 KB of floats from a file of a few megabytes.
    /// </summary>
    public static byte[] HundredThousandEntries() =>
        File([.. Enumerable.Range(0, 100_000).Select(i => new Header($"t{i}", [1024], 0, 4096))], dataLength: 4096);

    private static List<Header> Overlapping()
    {
        // Two tensors of one shape on the same bytes; the data section keeps its true length.
        var headers = Valid();
        var bias = headers.FindIndex(h => h.Name.EndsWith("norm1.bias", StringComparison.Ordinal));
        var weight = headers.FindIndex(h => h.Name.EndsWith("norm1.weight", StringComparison.Ordinal));
        headers[bias] = headers[bias] with { Begin = headers[weight].Begin, End = headers[weight].End };
        return headers;
    }

    private static List<Header> Replace(int index, Func<Header, Header> change)
    {
        var headers = Valid();
        headers[index] = change(headers[index]);
        return headers;
    }
}
