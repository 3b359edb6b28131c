using Platform.Experiments.ServingThroughput.Hardware;

namespace Platform.Experiments.ServingThroughput.CostModel;

/// <summary>
/// A model served by a tensor-parallel group of GPUs. <see cref="ComputeEfficiency"/> turns the spec-sheet FLOP/s into
/// the measured-GEMM peak the paper plugs into its optimum (Eq. 5: its 1857 tokens/s/GPU for LLaMA-2-70B on A100,
/// drawn in the offline-throughput figure, implies ~0.82 of spec).
/// </summary>
public sealed record ServingSystem(ModelShape Model, GpuSpec Gpu, int Gpus, double ComputeEfficiency, int BytesPerElement)
{
    /// <summary>Effective dense FLOP/s of one GPU.</summary>
    public double EffectiveFlopsPerGpu => Gpu.PeakFlops * ComputeEfficiency;

    public double WeightBytes => Model.TotalParams * BytesPerElement;

    public double GroupMemoryBytes => Gpu.MemoryBytes * Gpus;
}
