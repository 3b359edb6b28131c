using Platform.Experiments.Contract.Evidence;

namespace Platform.Web.Components.Shared.Evidence;

/// <summary>The evidence behind a claim in the words the dashboard uses for it.</summary>
public static class EvidenceText
{
    /// <summary>"3 predicted claims", "1 calibration".</summary>
    public static string Count(int count, string singular, string plural) => $"{count:N0} {(count == 1 ? singular : plural)}";

    public static string Seeds(int seeds) => Count(seeds, "seed", "seeds");

    /// <summary>"sensitive to A", "sensitive to A and B", "sensitive to A, B and C"; null when it depends on none.</summary>
    public static string? SensitiveTo(IReadOnlyList<string> names) => names.Count switch
    {
        0 => null,
        1 => $"sensitive to {names[0]}",
        _ => $"sensitive to {string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
    };

    /// <summary>
    /// The line under a claim: what its range depends on and how many seeds it covers. Seeds are left out for a claim
    /// that gets no verdict: they qualify a verdict, and a calibrated or not-comparable figure has none.
    /// </summary>
    public static string? Details(ClaimView claim)
    {
        var judged = claim.Basis is null or ClaimBasis.Predicted;
        string?[] parts = [SensitiveTo(claim.SensitiveTo), judged && claim.Seeds is { } seeds ? Seeds(seeds) : null];
        var shown = parts.OfType<string>().ToList();
        return shown.Count == 0 ? null : string.Join(" · ", shown);
    }

    /// <summary>"fitted: ComputeEfficiency = 0.82 to match 1,857 tok/s/GPU".</summary>
    public static string Calibration(Calibration calibration) =>
        $"fitted: {calibration.Constant} = {NumberFormat.Short(calibration.Value)} to match {calibration.FittedTo}";

    /// <summary>"4 predicted claims, 1 calibration": what a family's headline run judges and what it fits.</summary>
    public static string Family(FamilyEvidence evidence) =>
        $"{Count(evidence.PredictedClaims.Count, "predicted claim", "predicted claims")}, {Count(evidence.Calibrations.Count, "calibration", "calibrations")}";

    /// <summary>"27 to 33 %": an interval with its unit.</summary>
    public static string Interval(Interval interval, string unit) =>
        WithUnit($"{NumberFormat.Short(interval.Low)} to {NumberFormat.Short(interval.High)}", unit);

    public static string Value(double value, string unit) => WithUnit(NumberFormat.Short(value), unit);

    private static string WithUnit(string text, string unit) => string.IsNullOrEmpty(unit) ? text : $"{text} {unit}";
}
