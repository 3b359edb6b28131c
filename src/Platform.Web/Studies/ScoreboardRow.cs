using Platform.Core.Studies;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Web.Components.Shared.Evidence;
using Platform.Web.Studies.Aggregation;

namespace Platform.Web.Studies;

/// <summary>
/// One claim of one paper on the scoreboard: the paper's figure and band, ours over the seeds of the family's latest
/// headline study (mean, 95% interval, the interval judged and the verdict), or nothing yet when no such study exists.
/// </summary>
public sealed record ScoreboardRow(
    string Kind, string Family, string? Paper, int? PaperYear, string Claim, ClaimBasis? Basis, string Unit, double? PaperValue,
    Interval? Band, SampleStatistics? Measured, Interval? Range, ClaimVerdict? Verdict, Guid? StudyId, StudyState? StudyState,
    DateTimeOffset? When);
