namespace Platform.Experiments.Contract;

/// <summary>One row of the paper-claim table. <see cref="PaperValue"/> is the paper's figure, never ours.</summary>
public sealed record ClaimCheck(string Claim, double? PaperValue, double? MeasuredValue, string Unit, ClaimVerdict Verdict);
