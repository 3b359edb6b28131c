namespace Platform.Experiments.TextEntry.Model;

/// <summary>
/// The training checkpoint: the model file as saved for the artifact, after the seconds training took, so a resumed
/// attempt reports the training it did not repeat.
/// </summary>
public static class TrainedCheckpointFile
{
    public static byte[] Write(byte[] modelFile, double trainingSeconds) =>
        [.. BitConverter.GetBytes(trainingSeconds), .. modelFile];

    /// <exception cref="InvalidDataException">The bytes are no training checkpoint.</exception>
    public static (IDialogueModel Model, double TrainingSeconds) Read(byte[] checkpoint) =>
        checkpoint.Length > sizeof(double)
            ? (DialogueModelFile.Read(checkpoint.AsSpan(sizeof(double))), BitConverter.ToDouble(checkpoint, 0))
            : throw new InvalidDataException("The training checkpoint is truncated.");
}
