namespace Platform.Experiments.HardwareProfile.Reporting;

/// <summary>The metric keys this family logs and reports; units are in the names.</summary>
public static class HardwareProfileMetrics
{
    /// <summary>Best float32 matmul throughput of one size, in GFLOP/s; step = matrix size n.</summary>
    public const string MatmulGflops = "matmul.gflops";

    /// <summary>Memory copy bandwidth of one repeat, in GB/s (bytes read plus bytes written); step = repeat index.</summary>
    public const string CopyGbps = "memcpy.gbps";

    /// <summary>Wall time of one MLP training step, in ms; step = step index.</summary>
    public const string TrainStepMs = "train_step.ms";

    /// <summary>Cross-entropy of the batch before that step's update; step = step index.</summary>
    public const string TrainStepLoss = "train_step.loss";

    public const string PeakMatmulGflops = "matmul.peak_gflops";
    public const string PeakCopyGbps = "memcpy.peak_gbps";
    public const string MinTrainStepMs = "train_step.min_ms";
    public const string Threads = "threads";
}
