using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.ServingThroughput;
using Platform.Experiments.ServingThroughput.Simulation;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.ServingThroughput;

/// <summary>
/// What the headline's summary says about its own evidence: exactly the predicted claims the catalogue announces, each
/// with a band, a range and a verdict; the one calibration with no verdict; every assumption declared. Run on a cheap
/// equivalent of the headline (smaller search, no Latin-hypercube sample): the claims are the same, only the ranges narrower.
/// </summary>
public sealed class ServingEvidenceTests
{
    private static readonly ClaimVerdict[] s_legacyVerdicts = [ClaimVerdict.PartlySupported, ClaimVerdict.NotSupported, ClaimVerdict.NotComparable];

    [Fact]
    public async Task The_headline_produces_exactly_the_predicted_claims_and_calibration_the_family_announces()
    {
        var experiment = new ServingThroughputExperiment();
        var parameters = (ServingThroughputParameters)experiment.Presets.Single(p => p.Name == ExperimentPreset.HeadlineName).Parameters;
        var cheap = new ServingThroughputParameters
        {
            SearchCandidates = 40, AssumptionSamples = 0, Engines = [EngineKind.Sequential, EngineKind.NanoflowSearch],
        };
        Assert.Equal(parameters.PaperComparison, cheap.PaperComparison);

        var summary = await ((IExperiment)experiment).RunAsync(cheap, new RecordingRunContext { Threads = 2 }, TestContext.Current.CancellationToken);

        var predicted = summary.Claims.Where(c => c.Basis == ClaimBasis.Predicted).ToList();
        Assert.Equal(experiment.Evidence.PredictedClaims, predicted.Select(c => c.Claim));
        Assert.All(predicted, c =>
        {
            Assert.NotNull(c.Band);
            Assert.NotNull(c.Range);
            Assert.NotNull(c.Verdict);
            Assert.DoesNotContain(c.Verdict!.Value, s_legacyVerdicts);
        });
        Assert.Contains(predicted, c => c.SensitiveTo.Count > 0);

        // Two figures were fitted: the optimum (by ComputeEfficiency) and LLaMA-2-70B's share (the simulator's constants were
        // picked against it by hand); neither is judged.
        var calibrated = summary.Claims.Where(c => c.Basis == ClaimBasis.Calibrated).ToList();
        Assert.Equal(2, calibrated.Count);
        Assert.All(calibrated, c => Assert.Null(c.Verdict));
        Assert.Equal(1857, calibrated[0].MeasuredValue!.Value, 6);
        Assert.StartsWith("fitted: ComputeEfficiency = ", calibrated[0].Note);
        Assert.Contains("LLaMA-2-70B", calibrated[1].Claim);
        Assert.Equal(experiment.Evidence.Calibrations, summary.Calibrations);

        Assert.All(summary.Claims.Where(c => c.Basis == ClaimBasis.NotComparable), c => Assert.Null(c.Verdict));
        Assert.Contains(summary.Assumptions, a => a.Name == "GemvSaturation" && a.Low < a.Value && a.Value < a.High);
        Assert.True(summary.Assumptions.Count >= 12);
    }
}
