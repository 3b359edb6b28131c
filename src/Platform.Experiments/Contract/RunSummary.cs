using Platform.Experiments.Contract.Evidence;

namespace Platform.Experiments.Contract;

/// <summary>
/// What a finished run reports: headline metrics, the paper's claims beside the measured values, result tables, and
/// the evidence behind the claims: every constant assumed (with its plausible range) and every constant calibrated
/// (with the figure it was fitted to).
/// </summary>
public sealed record RunSummary(IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<ClaimCheck> Claims)
{
    public IReadOnlyList<ResultTable> Tables { get; init; } = [];

    public IReadOnlyList<Assumption> Assumptions { get; init; } = [];

    public IReadOnlyList<Calibration> Calibrations { get; init; } = [];

    public static RunSummary FromMetrics(IReadOnlyDictionary<string, double> metrics) => new(metrics, []);
}
