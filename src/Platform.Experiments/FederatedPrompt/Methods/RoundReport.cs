namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>What one round of one method did, beyond bytes and FLOPs (which the link and tally keep).</summary>
public sealed record RoundReport(
    double TrainLoss,
    double? LocalLoss,
    double? KeptPerClient,
    double[]? El2nScores,
    IReadOnlyDictionary<string, double> PhaseSeconds);
