using Platform.Experiments.ServingThroughput.CostModel;
using Platform.Experiments.ServingThroughput.Hardware;
using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.Experiments.ServingThroughput.Running;

/// <summary>
/// One configuration of the paper's evaluation that the headline simulates again: a model on the A100-80G GPUs the
/// paper ran it on, at the authors' dense batch, under a workload.
/// </summary>
internal sealed record PaperSetup(string ModelKey, int Gpus, int DenseBatch, WorkloadStats Workload)
{
    public const string GpuKey = "a100-80g";

    public ModelShape Model => ModelCatalog.Presets[ModelKey];

    public ServingSystem System(double computeEfficiency, int bytesPerElement) =>
        new(Model, GpuCatalog.Presets[GpuKey], Gpus, computeEfficiency, bytesPerElement);

    /// <summary>Whether a run simulated exactly this configuration (so its own search can stand for this one).</summary>
    public bool Is(ServingSystem system, WorkloadStats workload, int denseBatch) =>
        system.Model == Model && system.Gpu == GpuCatalog.Presets[GpuKey] && system.Gpus == Gpus && denseBatch == DenseBatch
        && workload.MeanPrompt == Workload.MeanPrompt && workload.MeanOutput == Workload.MeanOutput;
}
