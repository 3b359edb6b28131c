using Platform.Experiments.Contract;

namespace Platform.Experiments.ServingThroughput;

/// <summary>
/// The simulator's assumed constants: interference curves standing in for the paper's performance-vs-resource-share
/// profiles (Table 3, not public), and efficiencies and overheads. None is measured by the run or given by the paper;
/// each is declared as an assumption with a plausible range (Running/ServingAssumptions) and every predicted claim is
/// judged over those ranges.
/// </summary>
public sealed partial class ServingThroughputParameters
{
    [Parameter("Interference: exponent of P_GEMM(r) = r^e.", Minimum = 0.3, Maximum = 1.5)]
    public double GemmCurveExponent { get; set; } = 0.9;

    [Parameter("Interference: SM share at which decode attention saturates HBM.", Minimum = 0.05, Maximum = 1.0)]
    public double GemvSaturation { get; set; } = 0.5;

    [Parameter("Interference: exponent of P_GEMV.", Minimum = 0.3, Maximum = 1.5)]
    public double GemvCurveExponent { get; set; } = 0.8;

    [Parameter("Interference: SM share at which collectives saturate the links.", Minimum = 0.05, Maximum = 1.0)]
    public double NetSaturation { get; set; } = 0.15;

    [Parameter("Interference: exponent of P_NET.", Minimum = 0.3, Maximum = 1.5)]
    public double NetCurveExponent { get; set; } = 0.7;

    [Parameter("Interference: SM share at which norms, RoPE and residual kernels saturate HBM.", Minimum = 0.05, Maximum = 1.0)]
    public double OtherSaturation { get; set; } = 0.3;

    [Parameter("Assumption: best GEMM efficiency relative to the effective peak (eta_max).", Minimum = 0.3, Maximum = 1.0)]
    public double GemmEfficiencyMax { get; set; } = 0.8;

    [Parameter("Assumption: tokens at which a GEMM reaches half of eta_max (M_half).", Minimum = 8, Maximum = 512)]
    public int GemmHalfTokens { get; set; } = 64;

    [Parameter("Assumption: achievable fraction of HBM bandwidth.", Minimum = 0.3, Maximum = 1.0)]
    public double HbmEfficiency { get; set; } = 0.85;

    [Parameter("Assumption: achievable fraction of link bandwidth for collectives (bus bandwidth).", Minimum = 0.3, Maximum = 1.0)]
    public double NetEfficiency { get; set; } = 0.77;

    [Parameter("Assumption: kernel launch overhead, µs.", Minimum = 0, Maximum = 50)]
    public double LaunchOverheadUs { get; set; } = 4;

    [Parameter("Assumption: latency per ring step of a collective, µs.", Minimum = 0, Maximum = 50)]
    public double CollectiveStepUs { get; set; } = 3;

    [Parameter("Assumption: traffic of norms, RoPE and residuals, in hidden vectors per token per layer.", Minimum = 0, Maximum = 64)]
    public double OtherTrafficFactor { get; set; } = 8;

    [Parameter("Batch formation overlapped with the GPU (off adds the host overhead to every iteration).")]
    public bool AsyncScheduling { get; set; } = true;

    [Parameter("Host scheduling overhead when not asynchronous, fraction of the iteration.", Minimum = 0, Maximum = 0.3)]
    public double HostOverheadFraction { get; set; } = 0.1;

    [Parameter("Evidence: also simulate the paper's other models at input 1024 / output 512 and its ablation workloads, and judge every predicted claim over the assumptions' ranges.")]
    public bool PaperComparison { get; set; } = true;

    [Parameter("Evidence: Latin-hypercube samples of the assumption ranges, besides the assumed values and each assumption's two extremes.", Minimum = 0, Maximum = 64)]
    public int AssumptionSamples { get; set; } = 16;
}
