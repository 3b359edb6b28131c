using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Running;

/// <summary>
/// What the paper comparison measured, one value per point of <see cref="Design"/> (assumed values first): NanoFlow's
/// share of the optimum for each model setup, its gain over the non-overlapped engine for each ablation workload, and the
/// pipeline structure each setup's search chose at the assumed values. <see cref="ContentionCost"/> is the share of
/// LLaMA-2-70B's simulated throughput that HBM contention between overlapped ops costs at the assumed values.
/// </summary>
internal sealed record PaperComparison(
    AssumptionDesign Design,
    IReadOnlyDictionary<PaperSetup, IReadOnlyList<double>> NanoflowShare,
    IReadOnlyDictionary<PaperSetup, IReadOnlyList<double>> OverlapGain,
    IReadOnlyDictionary<PaperSetup, PipelineShape> Structures,
    double ContentionCost,
    int Simulations,
    TimeSpan Elapsed);
