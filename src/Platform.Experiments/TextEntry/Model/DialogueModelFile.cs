using Platform.Experiments.TextEntry.Neural;

namespace Platform.Experiments.TextEntry.Model;

/// <summary>Reads either model artifact a run saves, telling them apart by their magic string.</summary>
public static class DialogueModelFile
{
    /// <summary>The artifact names to look for, in order.</summary>
    public static IReadOnlyList<string> ArtifactNames { get; } = [NgramModelFile.ArtifactName, GruModelFile.ArtifactName];

    /// <exception cref="InvalidDataException">The bytes are no text-entry model.</exception>
    public static IDialogueModel Read(ReadOnlySpan<byte> bytes) => ModelFiles.Read<IDialogueModel>(bytes, magic => magic switch
    {
        NgramModelFile.Magic => reader =>
        {
            var (model, weight) = NgramModelFile.ReadBody(reader);
            return new NgramDialogueModel(model, weight);
        },
        GruModelFile.Magic => GruModelFile.ReadBody,
        _ => throw new InvalidDataException("Not a text-entry model file."),
    });
}
