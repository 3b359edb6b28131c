using Platform.Experiments.Contract;

namespace Platform.Experiments.HardwareProfile.Reporting;

/// <summary>Chart panels by metric: matmul throughput per size, copy bandwidth, training step time and loss.</summary>
internal static class Charts
{
    public static IReadOnlyList<ChartPanel> Panels { get; } =
    [
        new(HardwareProfileMetrics.MatmulGflops, "Matrix product throughput", "matrix size n", "GFLOP/s"),
        new(HardwareProfileMetrics.CopyGbps, "Memory copy bandwidth", "repeat", "GB/s"),
        new(HardwareProfileMetrics.TrainStepMs, "MLP training step time", "step", "ms"),
        new(HardwareProfileMetrics.TrainStepLoss, "MLP training loss", "step", "cross-entropy"),
    ];
}
