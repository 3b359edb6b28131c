namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// Calibration of the simulator (our defaults, chosen so a sequential engine lands near NanoFlow's own non-overlap
/// baseline): GEMM efficiency eta(M) = EtaMax * M / (M + MHalf) of the effective peak, achievable fractions of HBM and
/// link bandwidth, per-kernel launch cost, per-step collective latency, traffic of the small "other" kernels in units of
/// one hidden vector per token, and host scheduling overhead when it is not overlapped with the GPU.
/// </summary>
public sealed record SimulationCalibration(
    double GemmEfficiencyMax = 0.80,
    double GemmHalfTokens = 64,
    double HbmEfficiency = 0.85,
    double NetEfficiency = 0.77,
    double LaunchUs = 4,
    double CollectiveStepUs = 3,
    double OtherTrafficFactor = 8,
    bool AsyncScheduling = true,
    double HostOverheadFraction = 0.10)
{
    public double GemmEfficiency(double tokens) => GemmEfficiencyMax * tokens / (tokens + GemmHalfTokens);
}
