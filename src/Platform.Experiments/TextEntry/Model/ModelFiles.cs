using System.IO.Compression;
using System.Text;

namespace Platform.Experiments.TextEntry.Model;

/// <summary>
/// What the model artifacts share: gzip around a <see cref="BinaryWriter"/> stream that opens with a magic string,
/// and the vocabulary as its word list.
/// </summary>
public static class ModelFiles
{
    /// <summary>Far above any vocabulary a corpus within the upload limit can produce.</summary>
    public const int MaxVocabulary = 1_000_000;

    /// <summary>
    /// A count read from the file, checked before anything is sized by it: a damaged or crafted file must fail with
    /// <see cref="InvalidDataException"/>, not allocate what it claims.
    /// </summary>
    public static int ReadCount(BinaryReader reader, int max, string what)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= max ? count : throw new InvalidDataException($"The model file's {what} ({count}) is outside 0..{max}.");
    }

    public static byte[] Write(string magic, Action<BinaryWriter> writeBody)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip, Encoding.UTF8))
        {
            writer.Write(magic);
            writeBody(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a file whose magic string is <paramref name="magic"/>.</summary>
    /// <exception cref="InvalidDataException">Another kind of file, or a damaged one.</exception>
    public static T Read<T>(ReadOnlySpan<byte> bytes, string magic, Func<BinaryReader, T> readBody) =>
        Read(bytes, found => found == magic ? readBody : throw new InvalidDataException($"Not a text-entry model file of kind {magic}."));

    /// <summary>Reads the magic string, then the body with the reader <paramref name="choose"/> picks for it.</summary>
    public static T Read<T>(ReadOnlySpan<byte> bytes, Func<string, Func<BinaryReader, T>> choose)
    {
        using var buffer = new MemoryStream(bytes.ToArray());
        using var gzip = new GZipStream(buffer, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        try
        {
            return choose(reader.ReadString())(reader);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The model file is truncated.", e);
        }
    }

    public static void WriteVocabulary(BinaryWriter writer, Vocabulary vocabulary)
    {
        writer.Write(vocabulary.Count);
        foreach (var word in vocabulary.Words)
        {
            writer.Write(word);
        }
    }

    public static Vocabulary ReadVocabulary(BinaryReader reader)
    {
        var words = new string[ReadCount(reader, MaxVocabulary, "vocabulary size")];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = reader.ReadString();
        }

        return new Vocabulary(words.Skip(Vocabulary.StartOfSentence + 1));
    }
}
