using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;

namespace Platform.Web.Components.Shared.Evidence;

/// <summary>
/// How a run's claims came out, counted from its summary: the sentence a researcher reads first. Only predicted
/// claims are judged; calibrations agree by construction and not-comparable claims have nothing to agree with, so
/// they are counted beside the judged ones, never among them. A claim stored before claims carried a basis counts as
/// predicted when it has a verdict (that is how it was shown when it was stored).
/// </summary>
public sealed record VerdictTally(int Predicted, int Supported, int Inconclusive, int Contradicted, int Other, int Calibrations, int NotComparable)
{
    public static VerdictTally Of(IReadOnlyList<ClaimView> claims)
    {
        var judged = claims.Where(IsJudged).ToList();
        return new VerdictTally(
            judged.Count,
            judged.Count(c => c.Verdict == ClaimVerdict.Supported),
            judged.Count(c => c.Verdict == ClaimVerdict.Inconclusive),
            judged.Count(c => c.Verdict == ClaimVerdict.Contradicted),
            judged.Count(c => c.Verdict is not (ClaimVerdict.Supported or ClaimVerdict.Inconclusive or ClaimVerdict.Contradicted)),
            claims.Count(c => c.Basis == ClaimBasis.Calibrated),
            claims.Count(c => c.Basis == ClaimBasis.NotComparable || (c.Basis is null && c.Verdict is null)));
    }

    /// <summary>"3 of 5 predicted claims supported, 1 inconclusive, 1 contradicted · 1 calibration"; parts that are zero are left out.</summary>
    public string Sentence()
    {
        var parts = new List<string>();
        if (Predicted > 0)
        {
            var judged = $"{Supported} of {Predicted} predicted {(Predicted == 1 ? "claim" : "claims")} supported";
            var rest = new[] { (Inconclusive, "inconclusive"), (Contradicted, "contradicted"), (Other, "with an older verdict") }
                .Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}");
            parts.Add(string.Join(", ", rest.Prepend(judged)));
        }

        if (Calibrations > 0)
        {
            parts.Add($"{Calibrations} {(Calibrations == 1 ? "calibration" : "calibrations")}");
        }

        if (NotComparable > 0)
        {
            parts.Add($"{NotComparable} not comparable");
        }

        return string.Join(" · ", parts);
    }

    private static bool IsJudged(ClaimView claim) =>
        claim.Basis == ClaimBasis.Predicted || (claim.Basis is null && claim.Verdict is { } v && v != ClaimVerdict.NotComparable);
}
