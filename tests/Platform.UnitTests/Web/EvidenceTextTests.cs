using Platform.Experiments.Contract.Evidence;
using Platform.Web.Components.Shared.Evidence;

namespace Platform.UnitTests.Web;

public sealed class EvidenceTextTests
{
    [Fact]
    public void Sensitivities_read_as_a_sentence()
    {
        Assert.Null(EvidenceText.SensitiveTo([]));
        Assert.Equal("sensitive to A", EvidenceText.SensitiveTo(["A"]));
        Assert.Equal("sensitive to A and B", EvidenceText.SensitiveTo(["A", "B"]));
        Assert.Equal("sensitive to A, B and C", EvidenceText.SensitiveTo(["A", "B", "C"]));
    }

    [Fact]
    public void The_line_under_a_claim_names_its_sensitivities_and_counts_its_seeds()
    {
        Assert.Equal("sensitive to A and B · 5 seeds", EvidenceText.Details(new ClaimView { SensitiveTo = ["A", "B"], Seeds = 5 }));
        Assert.Equal("1 seed", EvidenceText.Details(new ClaimView { Seeds = 1 }));
        Assert.Null(EvidenceText.Details(new ClaimView()));
        Assert.Null(EvidenceText.Details(new ClaimView { Basis = ClaimBasis.Calibrated, Seeds = 1 }));
    }

    [Fact]
    public void A_calibration_says_what_was_fitted_to_what()
    {
        Assert.Equal("fitted: ComputeEfficiency = 0.82 to match 1,857 tok/s/GPU", EvidenceText.Calibration(new Calibration("ComputeEfficiency", 0.82, "1,857 tok/s/GPU")));
    }

    [Fact]
    public void A_familys_evidence_counts_predicted_claims_and_calibrations()
    {
        Assert.Equal("1 predicted claim, 2 calibrations", EvidenceText.Family(new FamilyEvidence(["a"], [new("x", 1, "f"), new("y", 2, "g")])));
        Assert.Equal("0 predicted claims, 0 calibrations", EvidenceText.Family(FamilyEvidence.None));
    }
}
