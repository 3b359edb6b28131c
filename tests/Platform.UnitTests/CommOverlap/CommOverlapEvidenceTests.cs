using Platform.Experiments.CommOverlap;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.CommOverlap;

public sealed class CommOverlapEvidenceTests
{
    private static readonly ClaimVerdict[] s_verdicts = [ClaimVerdict.Supported, ClaimVerdict.Inconclusive, ClaimVerdict.Contradicted];

    /// <summary>
    /// The headline's models, TP degrees and fit on one sublayer with no interior samples (the same claims, a fraction
    /// of the cost) predicts exactly the claims the family declares and fits exactly its declared calibration.
    /// </summary>
    [Fact]
    public async Task The_headline_predicts_exactly_the_claims_the_family_declares()
    {
        var parameters = HeadlineDesignFixture.Headline();
        parameters.Sublayers = [Sublayer.Fc2];
        parameters.AssumptionSamples = 0;
        IExperiment experiment = new CommOverlapExperiment();

        var summary = await experiment.RunAsync(parameters, new RecordingRunContext(), TestContext.Current.CancellationToken);

        Assert.Equal(experiment.Evidence.PredictedClaims, summary.Claims.Where(c => c.Basis == ClaimBasis.Predicted).Select(c => c.Claim));
        Assert.Equal(experiment.Evidence.Calibrations.Select(c => c.Constant), summary.Calibrations.Select(c => c.Constant));
        Assert.All(summary.Claims, claim =>
        {
            Assert.Equal(claim.Basis == ClaimBasis.Predicted, claim.Verdict is not null);
            if (claim.Verdict is { } verdict)
                Assert.Contains(verdict, s_verdicts);
            Assert.Equal(claim.Basis == ClaimBasis.Predicted, claim.Band is not null && claim.Range is not null);
        });
        Assert.NotEmpty(summary.Assumptions);
    }
}
