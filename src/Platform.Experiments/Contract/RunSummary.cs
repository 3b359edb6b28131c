namespace Platform.Experiments.Contract;

/// <summary>
/// What a finished run reports: headline metrics, the paper's claims beside the measured values, and result tables.
/// </summary>
public sealed record RunSummary(IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<ClaimCheck> Claims)
{
    public IReadOnlyList<ResultTable> Tables { get; init; } = [];

    public static RunSummary FromMetrics(IReadOnlyDictionary<string, double> metrics) => new(metrics, []);
}
