namespace Platform.Experiments.TextEntry.Neural;

/// <summary>How the GRU trains: passes over the training dialogues, dialogues per batch, Adam's step size and LibTorch threads (0 = every core).</summary>
public sealed record GruTrainingSettings(int Epochs, int BatchSize, double LearningRate, int Threads = 0);
