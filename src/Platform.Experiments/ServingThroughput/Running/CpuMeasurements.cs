using Platform.Experiments.ServingThroughput.Cpu;

namespace Platform.Experiments.ServingThroughput.Runs;

/// <summary>Everything the cpu-real mode measured, for its summary.</summary>
internal sealed record CpuMeasurements(
    TinyDecoderConfig Config,
    int Threads,
    double PeakGemmGflops,
    InterferenceResult Interference,
    IReadOnlyDictionary<ServingSchedule, List<double>> TokensPerSecond,
    IReadOnlyDictionary<string, double> OpMsTotals,
    bool SchedulesAgree)
{
    /// <summary>This CPU's optimum: its best GEMM rate over the FLOPs of a token (2 x active params).</summary>
    public double OptimumTokensPerSecond => PeakGemmGflops * 1e9 / (2 * Config.ActiveParams);
}
