using Platform.Experiments.ServingThroughput.CostModel;

namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// Interference-free durations of one GPU's share of each operation (the paper profiles these on GPUs): GEMMs at the
/// effective peak scaled by eta(M) but never faster than streaming their weights, decode attention at the achievable
/// HBM bandwidth, ring collectives with a per-step latency, every kernel paying a launch.
/// </summary>
public sealed class OpCostModel(ServingSystem system, SimulationCalibration calibration)
{
    private readonly double _flopsPerUs = system.EffectiveFlopsPerGpu / 1e6;
    private readonly double _hbmPerUs = system.Gpu.MemBandwidth / 1e6;
    private readonly double _linkPerUs = system.Gpu.LinkBandwidth / 1e6;

    public ServingSystem System => system;

    public SimulationCalibration Calibration => calibration;

    public OpCost Gemm(double tokens, double flops, double weightBytes)
    {
        var computeUs = flops / (_flopsPerUs * calibration.GemmEfficiency(tokens));
        var memoryUs = weightBytes / (_hbmPerUs * calibration.HbmEfficiency);
        var solo = Math.Max(computeUs, memoryUs) + calibration.LaunchUs;
        return new OpCost(solo, flops / solo / _flopsPerUs, weightBytes / solo / _hbmPerUs, 0);
    }

    public OpCost DecodeAttention(double kvBytes) => MemoryBound(kvBytes);

    public OpCost Other(double bytes) => MemoryBound(bytes);

    /// <summary>Ring all-reduce: 2(N-1) steps moving 2(N-1)/N of the message per GPU.</summary>
    public OpCost AllReduce(double messageBytes) => Collective(2 * (system.Gpus - 1), 2.0 * (system.Gpus - 1) / system.Gpus * messageBytes);

    /// <summary>Ring all-gather: N-1 steps moving (N-1)/N of the gathered message per GPU.</summary>
    public OpCost AllGather(double messageBytes) => Collective(system.Gpus - 1, (system.Gpus - 1.0) / system.Gpus * messageBytes);

    private OpCost MemoryBound(double bytes)
    {
        var solo = bytes / (_hbmPerUs * calibration.HbmEfficiency) + calibration.LaunchUs;
        return new OpCost(solo, 0, bytes / solo / _hbmPerUs, 0);
    }

    private OpCost Collective(int steps, double bytesPerGpu)
    {
        var solo = steps * calibration.CollectiveStepUs + bytesPerGpu / (_linkPerUs * calibration.NetEfficiency) + calibration.LaunchUs;
        return new OpCost(solo, 0, 0, bytesPerGpu / solo / _linkPerUs);
    }
}
