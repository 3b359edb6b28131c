namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>
/// Where one method ended: the numbers of the summary table. <see cref="SettledAccuracy"/> is the mean over the last
/// <see cref="SettledRounds"/> rounds, because one round's accuracy swings by several points under non-IID sampling.
/// <see cref="Messages"/> counts what crossed the link, so the bytes can be re-evaluated for another header size;
/// <see cref="SeedAccuracies"/> is the final model's accuracy on each test set (the first is the run's own).
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
    ComputeBreakdown Compute,
    long Messages = 0,
    IReadOnlyList<double>? SeedAccuracies = null)
{
    public const int SettledRounds = 5;

    /// <summary>Total MB had every message carried <paramref name="headerBytes"/> of framing instead of the assumed header.</summary>
    public double TotalMbWithHeader(double headerBytes) =>
        TotalMb + ((headerBytes - Federation.SimulatedLink.HeaderBytes) * Messages / 1e6);
}

/// <summary>GFLOPs by party and module over the run.</summary>
public sealed record ComputeBreakdown(double ClientHead, double ClientBody, double ClientTail, double ServerBody);
