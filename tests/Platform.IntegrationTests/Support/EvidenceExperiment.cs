using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;

namespace Platform.IntegrationTests.Support;

/// <summary>
/// A test family whose summary holds one claim of each basis (two predicted: one inconclusive over two assumptions and
/// five seeds, one supported and exact), its assumptions and a calibration, built with the contract's own builders so
/// the verdicts come from the one verdict rule. Lets the API and the pages be checked on the evidence shape before the
/// real families report it.
/// </summary>
public sealed class EvidenceExperiment : Experiment<EvidenceParameters>
{
    public const string KindName = "test-evidence";

    public static readonly Calibration Fitted = new("ComputeEfficiency", 0.82, "1,857 tok/s/GPU");

    public static RunSummary Summary { get; } = new(
        new Dictionary<string, double> { ["geomean"] = 29.1 },
        [
            ClaimCheck.Predicted("Geomean speed-up (test)", 30, Bounds.Around(30, 3), "%",
                new ClaimEvidence(29.1, new Bounds(20, 37), ["GemmBurstiness", "McaFloor"], Seeds: 5)),
            ClaimCheck.Predicted("Data moved less (test)", 22, Bounds.Around(22, 2), "%", ClaimEvidence.Exact(21.5)),
            ClaimCheck.Calibrated("Throughput at the optimum (test)", 1857, 1862, "tok/s/GPU", "ComputeEfficiency was fitted to this figure."),
            ClaimCheck.NotComparable("Speed-up over TensorRT-LLM (test)", 1.91, null, "x", "The paper's baseline is not modelled."),
        ])
    {
        Assumptions =
        [
            Assumption.Declare("GemmBurstiness", 4, 2, 8, "", "How bursty a GEMM's writes are (test)."),
            Assumption.Declare("McaFloor", 0.25, 0.1, 0.4, "fraction", "The least bandwidth the arbiter leaves (test)."),
        ],
        Calibrations = [Fitted],
    };

    public override string Kind => KindName;

    public override string Title => "Evidence (test)";

    public override string Description => "Reports one claim of each basis.";

    public override PaperReference? Paper => new("Evidence in order (test)", 2026, "Every verdict means what it says.");

    public override FamilyEvidence Evidence { get; } = new(
        [.. Summary.Claims.Where(c => c.Basis == ClaimBasis.Predicted).Select(c => c.Claim)], Summary.Calibrations);

    protected override Task<RunSummary> RunAsync(EvidenceParameters parameters, IRunContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Summary);
}
