namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>
/// Where one method ended: the numbers of the summary table. <see cref="SettledAccuracy"/> is the mean over the last
/// <see cref="SettledRounds"/> rounds, because one round's accuracy swings by several points under non-IID sampling.
/// </summary>
public sealed record MethodOutcome(
    string Method,
    double Accuracy,
    double SettledAccuracy,
    double TestLoss,
    double TotalMb,
    double MbPerClientRound,
    double ClientGflops,
    double ServerGflops,
    double Seconds,
    ComputeBreakdown Compute)
{
    public const int SettledRounds = 5;
}

/// <summary>GFLOPs by party and module over the run.</summary>
public sealed record ComputeBreakdown(double ClientHead, double ClientBody, double ClientTail, double ServerBody);
