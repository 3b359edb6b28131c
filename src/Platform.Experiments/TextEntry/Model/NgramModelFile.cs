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

    internal const string Magic = "TXNGRAM1";

    /// <summary>Above the parameter's maximum (5), so every file a run writes reads back.</summary>
    private const int MaxOrder = 16;

    public static byte[] Write(KneserNeyModel model, double contextWeight) => ModelFiles.Write(Magic, writer =>
    {
        writer.Write(model.Order);
        writer.Write(contextWeight);
        ModelFiles.WriteVocabulary(writer, model.Vocabulary);
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
    });

    public static (KneserNeyModel Model, double ContextWeight) Read(ReadOnlySpan<byte> bytes) =>
        ModelFiles.Read(bytes, Magic, ReadBody);

    /// <summary>Everything after the magic string.</summary>
    internal static (KneserNeyModel Model, double ContextWeight) ReadBody(BinaryReader reader)
    {
        // The order sizes a stackalloc: an unchecked one would overflow the stack and end the process.
        var order = ModelFiles.ReadCount(reader, MaxOrder, "n-gram order");
        var contextWeight = reader.ReadDouble();
        var vocabulary = ModelFiles.ReadVocabulary(reader);
        var counts = new List<Dictionary<UInt128, int>>();
        Span<int> ids = stackalloc int[order];
        for (var k = 1; k <= order; k++)
        {
            var entries = ModelFiles.ReadCount(reader, int.MaxValue, "n-gram count");
            // Grown as entries really arrive, not pre-sized from the claim.
            var table = new Dictionary<UInt128, int>(Math.Min(entries, 1 << 16));
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
}
