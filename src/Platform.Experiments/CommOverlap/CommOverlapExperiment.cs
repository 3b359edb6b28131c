using Platform.Experiments.Catalog;
using Platform.Experiments.CommOverlap.Assumptions;
using Platform.Experiments.CommOverlap.Reporting;
using Platform.Experiments.CommOverlap.Running;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;

namespace Platform.Experiments.CommOverlap;

/// <summary>
/// T3's track-and-trigger overlap of a tensor-parallel GEMM with its reduce-scatter: simulated on a GPU ring for
/// six implementation variants, or demonstrated for real on this CPU. Metric keys: <see cref="CommOverlapMetrics"/>.
/// </summary>
public sealed class CommOverlapExperiment : Experiment<CommOverlapParameters>
{
    // The headline's one calibration, fitted as its run fits it (a few dozen simulated cells, once per process).
    private static readonly Lazy<FamilyEvidence> s_evidence = new(() => new FamilyEvidence(Claims.PredictedWhenFitted,
        [BurstinessFit.For((CommOverlapParameters)CommOverlapPresets.All.Single(p => p.Name == ExperimentPreset.HeadlineName).Parameters).ToCalibration()]));

    public override string Kind => "comm-overlap";

    public override string Title => "GEMM / reduce-scatter overlap (T3)";

    public override string Description =>
        "Simulates one device of a tensor-parallel ring for each sublayer, model and TP degree: the serialized baseline, " +
        "software overlap, T3 without and with near-memory reduction, T3 with memory-controller arbitration and the ideal " +
        "overlap, in an event-driven fluid model where compute and communication share DRAM. Optionally (cpu-real) shows " +
        "the tracked-chunk trigger mechanism for real with TorchSharp threads. Every figure is re-evaluated over the plausible ranges " +
        "of the simulation's assumed constants; the GEMM's DRAM burstiness is the one constant fitted, to the paper's T-NLG geomean.";

    public override PaperReference Paper => new(
        "T3: Transparent Tracking & Triggering for Fine-grained Overlap of Compute & Collectives (ASPLOS)", 2024,
        "Communication-heavy sublayers of T-NLG run 30% faster (geomean, max 47%) and move 22% less data (max 36%); ~500B models 29%.",
        "https://arxiv.org/abs/2401.16677");

    public override IReadOnlyList<ExperimentPreset> Presets => CommOverlapPresets.All;

    public override IReadOnlyList<ChartPanel> Charts => Reporting.Charts.Panels;

    public override FamilyEvidence Evidence => s_evidence.Value;

    protected override async Task<RunSummary> RunAsync(CommOverlapParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        parameters.UseCatalog(await HardwareCatalogDataset.LoadAsync(parameters.Catalog, context.Datasets, cancellationToken));
        return parameters.Mode == RunMode.CpuReal
            ? await CpuRealRun.RunAsync(parameters, context, cancellationToken)
            : await SimulationRun.RunAsync(parameters, context, cancellationToken);
    }
}
