namespace Platform.Experiments.Contract;

/// <summary>
/// The verdict on a predicted claim, taken over the range the claim's value takes across its assumptions (and seeds):
/// <see cref="Supported"/> only if the whole range lies inside the paper's band, <see cref="Contradicted"/> if it lies
/// wholly outside, <see cref="Inconclusive"/> otherwise. Calibrated and not-comparable claims carry no verdict.
/// </summary>
public enum ClaimVerdict
{
    Supported,
    Inconclusive,
    Contradicted,

    // The three below are the verdicts of runs stored before claims carried a basis: the dashboard still shows them,
    // but no run reports them any more (ClaimCheck refuses them).
    PartlySupported,
    NotSupported,
    NotComparable,
}
