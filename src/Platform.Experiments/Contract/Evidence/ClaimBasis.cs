using System.Text.Json.Serialization;

namespace Platform.Experiments.Contract.Evidence;

/// <summary>
/// Why a claim's measured value can or cannot be held against the paper's figure. Only a predicted figure gets a
/// verdict: a figure a constant was fitted to agrees with the paper by construction.
/// </summary>
public enum ClaimBasis
{
    /// <summary>Nothing was fitted to this figure; the run predicts it, so it is judged against the paper's band.</summary>
    Predicted,

    /// <summary>A constant was chosen so that this figure matches the paper; shown as a calibration, never judged.</summary>
    Calibrated,

    /// <summary>The run measures something the paper's figure does not describe; the note says why.</summary>
    [JsonStringEnumMemberName("not-comparable")]
    NotComparable,
}
