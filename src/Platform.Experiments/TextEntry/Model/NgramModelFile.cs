using System.IO.Compression;
using System.Text;

namespace Platform.Experiments.TextEntry.Model;

/// <summary>
/// The <c>model.ngram</c> artifact: the vocabulary and the n-gram counts of a <see cref="KneserNeyModel"/>, plus the
/// context weight the run used, gzip-compressed. Discounts and history totals are derived again on load, so the
/// file holds only what cannot be recomputed.
/// </summary>
public static class NgramModelFile
{
    public const string ArtifactName = "model.ngram";
    public const string ContentType = "application/vnd.platform.ngram";

    private const string Magic = "TXNGRAM1";

    public static byte[] Write(KneserNeyModel model, double contextWeight)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(model.Order);
            writer.Write(contextWeight);
            writer.Write(model.Vocabulary.Count);
            foreach (var word in model.Vocabulary.Words)
            {
                writer.Write(word);
            }

            for (var k = 1; k <= model.Order; k++)
            {
                var counts = model.Counts[k - 1];
                writer.Write(counts.Count);
                foreach (var (key, count) in counts)
                {
                    foreach (var id in NgramKey.Unpack(key, k))
                    {
                        writer.Write((ushort)id);
                    }

                    writer.Write(count);
                }
            }
        }

        return buffer.ToArray();
    }

    public static (KneserNeyModel Model, double ContextWeight) Read(ReadOnlySpan<byte> bytes)
    {
        using var buffer = new MemoryStream(bytes.ToArray());
        using var gzip = new GZipStream(buffer, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        try
        {
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException("Not a text-entry n-gram model file.");
            }

            var order = reader.ReadInt32();
            var contextWeight = reader.ReadDouble();
            var words = new string[reader.ReadInt32()];
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = reader.ReadString();
            }

            var vocabulary = new Vocabulary(words.Skip(Vocabulary.StartOfSentence + 1));
            var counts = new List<Dictionary<UInt128, int>>();
            Span<int> ids = stackalloc int[order];
            for (var k = 1; k <= order; k++)
            {
                var entries = reader.ReadInt32();
                var table = new Dictionary<UInt128, int>(entries);
                for (var e = 0; e < entries; e++)
                {
                    for (var i = 0; i < k; i++)
                    {
                        ids[i] = reader.ReadUInt16();
                    }

                    table[NgramKey.Pack(ids[..k])] = reader.ReadInt32();
                }

                counts.Add(table);
            }

            return (new KneserNeyModel(vocabulary, counts), contextWeight);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The n-gram model file is truncated.", e);
        }
    }
}
