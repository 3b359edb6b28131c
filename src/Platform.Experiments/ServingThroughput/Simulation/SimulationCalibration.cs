namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// The simulator's constants, none measured by the run nor given by the paper (each is a declared assumption with a
/// plausible range, see <c>Running.ServingAssumptions</c>): GEMM efficiency eta(M) = EtaMax * M / (M + MHalf) of the
/// effective peak, achievable fractions of HBM and link bandwidth, per-kernel launch cost, per-step collective latency,
/// traffic of the small "other" kernels in units of one hidden vector per token, and host scheduling overhead when it is
/// not overlapped with the GPU. <see cref="HbmContention"/> makes concurrently running ops share the achievable HBM
/// bandwidth; it is off only to measure what the contention costs.
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
    double HostOverheadFraction = 0.10,
    bool HbmContention = true)
{
    /// <summary>What running ops may draw from HBM together, as a fraction of peak: the achievable bandwidth.</summary>
    public double HbmCapacity => HbmContention ? HbmEfficiency : double.PositiveInfinity;

    public double GemmEfficiency(double tokens) => GemmEfficiencyMax * tokens / (tokens + GemmHalfTokens);
}
