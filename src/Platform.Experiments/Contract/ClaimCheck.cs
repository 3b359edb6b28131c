using Platform.Experiments.Contract.Evidence;

namespace Platform.Experiments.Contract;

/// <summary>
/// One row of the paper-claim table. <see cref="PaperValue"/> and <see cref="Band"/> are the paper's (the band at the
/// paper's own precision unless the note says otherwise); <see cref="MeasuredValue"/> is ours under the assumed
/// constants and <see cref="Range"/> what it becomes over the assumptions' plausible ranges and <see cref="Seeds"/>
/// seeds. Only a <see cref="ClaimBasis.Predicted"/> claim has a <see cref="Verdict"/>; build claims with
/// <see cref="Predicted"/>, <see cref="Calibrated"/> and <see cref="NotComparable"/> so that rule cannot be broken.
/// </summary>
public sealed record ClaimCheck(
    string Claim, ClaimBasis Basis, double? PaperValue, Bounds? Band, double? MeasuredValue, Bounds? Range,
    IReadOnlyList<string> SensitiveTo, int Seeds, string Unit, ClaimVerdict? Verdict, string? Note)
{
    /// <summary>A claim's verdict is one the rule in <see cref="Verdicts"/> gives; the older words only describe stored runs.</summary>
    public ClaimVerdict? Verdict { get; init; } = Verdict is ClaimVerdict.PartlySupported or ClaimVerdict.NotSupported or ClaimVerdict.NotComparable
        ? throw new ArgumentException($"'{Verdict}' is a verdict of runs stored before claims carried a basis; a run reports Supported, Inconclusive or Contradicted.", nameof(Verdict))
        : Verdict;

    /// <summary>
    /// A figure nothing was fitted to, judged over its whole range against the paper's band (see <see cref="Verdicts"/>).
    /// When the verdict is inconclusive the note names the assumption that decides it.
    /// </summary>
    public static ClaimCheck Predicted(string claim, double paperValue, Bounds band, string unit, ClaimEvidence evidence, string? note = null)
    {
        var verdict = Verdicts.Judge(evidence.Range, band);
        var deciding = verdict == ClaimVerdict.Inconclusive && evidence.SensitiveTo.Count > 0
            ? $"Inconclusive: over the assumptions' plausible ranges the value straddles the band's edge; it is most sensitive to {evidence.SensitiveTo[0]}."
            : null;
        return new ClaimCheck(claim, ClaimBasis.Predicted, paperValue, band, evidence.Measured, evidence.Range, evidence.SensitiveTo,
            evidence.Seeds, unit, verdict, Join(note, deciding));
    }

    /// <summary>A figure a constant was fitted to: shown beside the paper's, never judged.</summary>
    public static ClaimCheck Calibrated(string claim, double? paperValue, double? measuredValue, string unit, string note) =>
        new(claim, ClaimBasis.Calibrated, paperValue, null, measuredValue, null, [], 1, unit, null, note);

    /// <summary>A figure that does not describe what the paper's does; <paramref name="reason"/> says why.</summary>
    public static ClaimCheck NotComparable(string claim, double? paperValue, double? measuredValue, string unit, string reason) =>
        new(claim, ClaimBasis.NotComparable, paperValue, null, measuredValue, null, [], 1, unit, null, reason);

    private static string? Join(string? note, string? more) =>
        (note, more) switch
        {
            (null, _) => more,
            (_, null) => note,
            _ => $"{note} {more}",
        };
}
