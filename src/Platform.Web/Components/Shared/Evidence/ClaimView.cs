using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;

namespace Platform.Web.Components.Shared.Evidence;

/// <summary>
/// One stored claim (<see cref="ClaimCheck"/> on the wire). Every evidence field is optional: a claim stored before
/// claims carried a basis has only its text, values, unit and a verdict such as <see cref="ClaimVerdict.PartlySupported"/>.
/// </summary>
public sealed class ClaimView
{
    public string Claim { get; init; } = "";

    /// <summary>Null for a claim stored before claims carried a basis.</summary>
    public ClaimBasis? Basis { get; init; }

    public double? PaperValue { get; init; }

    public Interval? Band { get; init; }

    public double? MeasuredValue { get; init; }

    public Interval? Range { get; init; }

    public IReadOnlyList<string> SensitiveTo { get; init; } = [];

    /// <summary>Null for a claim stored before claims said how many seeds they cover.</summary>
    public int? Seeds { get; init; }

    public string Unit { get; init; } = "";

    public ClaimVerdict? Verdict { get; init; }

    public string? Note { get; init; }
}
