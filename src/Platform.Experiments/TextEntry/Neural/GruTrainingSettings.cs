namespace Platform.Experiments.TextEntry.Neural;

/// <summary>How the GRU trains: passes over the training dialogues, dialogues per batch and Adam's step size.</summary>
public sealed record GruTrainingSettings(int Epochs, int BatchSize, double LearningRate);
