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
    double Seconds,
    ComputeBreakdown Compute);

/// <summary>GFLOPs by party and module over the run.</summary>
public sealed record ComputeBreakdown(double ClientHead, double ClientBody, double ClientTail, double ServerBody);
