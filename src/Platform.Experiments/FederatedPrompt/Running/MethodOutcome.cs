namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>Where one method ended: the numbers of the summary table.</summary>
public sealed record MethodOutcome(
    string Method,
    double Accuracy,
    double TestLoss,
    double TotalMb,
    double MbPerClientRound,
    double ClientGflops,
    double ServerGflops,
    double Seconds);
