using Platform.Experiments.Catalog;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.ServingThroughput.Reporting;
using Platform.Experiments.ServingThroughput.Running;

namespace Platform.Experiments.ServingThroughput;

/// <summary>
/// NanoFlow (Zhu et al., OSDI 2025): its throughput cost model, a resource-sharing simulation of nano-batched engines with
/// an automatic pipeline search, and a tiny decoder served for real on this CPU. Metric keys: <see cref="ServingThroughputMetrics"/>.
/// </summary>
public sealed class ServingThroughputExperiment : Experiment<ServingThroughputParameters>
{
    public const string KindName = "serving-throughput";

    public override string Kind => KindName;

    public override string Title => "Serving throughput (NanoFlow)";

    public override string Description =>
        "NanoFlow's optimal-throughput cost model (which resource binds, the memory-limited batch, the optimum per GPU), a " +
        "discrete-event simulation of sequential, nano-batched and overlapped engines with an automatic pipeline search, and a " +
        "tiny LLaMA-style decoder served on this CPU with continuous batching, sequentially and with two overlapped nano-batches.";

    public override PaperReference? Paper { get; } = new(
        "NanoFlow: Towards Optimal Large Language Model Serving Throughput", 2024,
        "Overlapping compute-, memory- and network-bound nano-operations inside one GPU reaches 59-72% of the optimal throughput, 1.91x the best baseline.",
        "https://arxiv.org/abs/2408.12757");

    public override IReadOnlyList<ExperimentPreset> Presets { get; } = ServingThroughputPresets.All;

    public override IReadOnlyList<ChartPanel> Charts { get; } = Reporting.Charts.Panels;

    /// <summary>The headline judges NanoFlow on the paper's models and ablation, and fits one constant: the compute efficiency.</summary>
    public override FamilyEvidence Evidence { get; } = new(Claims.HeadlinePredicted, [SystemFactory.ComputeEfficiency]);

    protected override async Task<RunSummary> RunAsync(ServingThroughputParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        parameters.UseCatalog(await HardwareCatalogDataset.LoadAsync(parameters.Catalog, context.Datasets, cancellationToken));
        return await (parameters.Mode switch
        {
            ServingMode.CostModel => CostModelRun.RunAsync(parameters, context, cancellationToken),
            ServingMode.Simulate => SimulateRun.RunAsync(parameters, context, cancellationToken),
            _ => CpuRealRun.RunAsync(parameters, context, cancellationToken),
        });
    }
}
