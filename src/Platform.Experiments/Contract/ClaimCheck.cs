namespace Platform.Experiments.Contract;

/// <summary>
/// One row of the paper-claim table. <see cref="PaperValue"/> is the paper's figure, never ours;
/// <see cref="Note"/> says how the measured value was obtained or why the verdict is what it is (e.g. the
/// calibration preset used, or that a CPU cannot show the effect).
/// </summary>
public sealed record ClaimCheck(string Claim, double? PaperValue, double? MeasuredValue, string Unit, ClaimVerdict Verdict, string? Note = null);
