namespace Platform.Experiments.Contract.Evidence;

/// <summary>
/// What a family's headline run judges and what it fits, declared up front so the catalogue can say it before any
/// run: the predicted claims (by their claim text) and the calibrations. A family calibrates as few figures as it can.
/// </summary>
public sealed record FamilyEvidence(IReadOnlyList<string> PredictedClaims, IReadOnlyList<Calibration> Calibrations)
{
    public static FamilyEvidence None { get; } = new([], []);
}
