namespace Platform.Experiments.Contract;

/// <summary>What a finished run reports: headline metrics and the paper's claims beside the measured values.</summary>
public sealed record RunSummary(IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<ClaimCheck> Claims)
{
    public static RunSummary FromMetrics(IReadOnlyDictionary<string, double> metrics) => new(metrics, []);
}
