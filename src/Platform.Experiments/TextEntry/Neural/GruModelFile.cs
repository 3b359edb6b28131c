using Platform.Experiments.TextEntry.Model;

namespace Platform.Experiments.TextEntry.Neural;

/// <summary>
/// The <c>model.gru</c> artifact: the network's sizes, the vocabulary and the state dict as TorchSharp saves it,
/// gzip-compressed. Loading builds a network of the same sizes and reads the weights into it.
/// </summary>
public static class GruModelFile
{
    public const string ArtifactName = "model.gru";
    public const string ContentType = "application/vnd.platform.gru";

    internal const string Magic = "TXGRU001";

    /// <summary>Above the parameters' maxima (256 and 512), so every file a run writes reads back.</summary>
    private const int MaxSize = 4096;

    public static byte[] Write(GruDialogueModel model) => ModelFiles.Write(Magic, writer =>
    {
        writer.Write(model.Network.Shape.EmbeddingSize);
        writer.Write(model.Network.Shape.HiddenSize);
        ModelFiles.WriteVocabulary(writer, model.Vocabulary);
        model.Network.save(writer);
    });

    public static GruDialogueModel Read(ReadOnlySpan<byte> bytes) => ModelFiles.Read(bytes, Magic, ReadBody);

    /// <summary>Everything after the magic string.</summary>
    internal static GruDialogueModel ReadBody(BinaryReader reader)
    {
        var embedding = ModelFiles.ReadCount(reader, MaxSize, "embedding size");
        var hidden = ModelFiles.ReadCount(reader, MaxSize, "hidden size");
        var vocabulary = ModelFiles.ReadVocabulary(reader);
        var network = new GruNetwork(new GruShape(vocabulary.Count, embedding, hidden));
        try
        {
            network.load(reader);
            network.eval();
            return new GruDialogueModel(network, vocabulary);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }
}
