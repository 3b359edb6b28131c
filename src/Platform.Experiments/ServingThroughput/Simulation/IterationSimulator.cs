using Platform.Experiments.ServingThroughput.CostModel;

namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// Turns a pipeline shape into a steady-state iteration. One layer alone would pay a fill and a drain that the real
/// pipeline hides across layer boundaries, so the per-layer time is the difference between a 4-layer and a 2-layer run,
/// halved.
/// </summary>
public sealed class IterationSimulator(ServingSystem system, SimulationCalibration calibration, InterferenceCurves curves, IterationComposition batch)
{
    public const int TraceLayers = 4;
    private const int BaseLayers = 2;

    private readonly OpCostModel _costs = new(system, calibration);

    public ServingSystem System => system;

    public IterationComposition Batch => batch;

    public double OptimalPerGpu { get; } = ServingCostModel.OptimalPerGpu(system);

    public IterationResult Simulate(PipelineShape shape)
    {
        var shortRun = FluidSimulator.Run(LayerGraphBuilder.Build(shape, batch, _costs, BaseLayers), curves, calibration.HbmCapacity);
        var longRun = FluidSimulator.Run(LayerGraphBuilder.Build(shape, batch, _costs, TraceLayers), curves, calibration.HbmCapacity);
        var layerUs = (longRun.Makespan - shortRun.Makespan) / (TraceLayers - BaseLayers);
        var iterationUs = layerUs * system.Model.Layers + HeadUs();
        if (!calibration.AsyncScheduling)
        {
            iterationUs *= 1 + calibration.HostOverheadFraction;
        }

        var perGpu = batch.DenseBatch / (iterationUs * 1e-6) / system.Gpus;
        return new IterationResult(shape, layerUs, iterationUs, perGpu, perGpu / OptimalPerGpu, longRun);
    }

    /// <summary>The lm_head over the tokens that sample (one per decoding request) and the final norm.</summary>
    private double HeadUs()
    {
        var model = system.Model;
        var sampled = Math.Max(1, batch.DecodeTokens);
        var head = _costs.Gemm(sampled, 2.0 * sampled * model.Vocab * model.Hidden / system.Gpus,
            (double)model.Vocab * model.Hidden * system.BytesPerElement / system.Gpus);
        var norm = _costs.Other(2.0 * batch.DenseBatch * model.Hidden * system.BytesPerElement);
        return head.SoloUs + norm.SoloUs;
    }
}
