using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Web.Components.Shared.Evidence;

namespace Platform.Web.Studies.Aggregation;

/// <summary>
/// One claim over a point's seeds: the measured value's statistics and, for a predicted claim, the interval it is judged
/// on (<see cref="Range"/>: the mean's 95% interval widened by the assumptions' plausible ranges) and its verdict.
/// Calibrated and not-comparable claims carry statistics only.
/// </summary>
public sealed record ClaimAggregate(
    string Claim, ClaimBasis? Basis, string Unit, double? PaperValue, Interval? Band, SampleStatistics Measured,
    Interval? Range, ClaimVerdict? Verdict);
