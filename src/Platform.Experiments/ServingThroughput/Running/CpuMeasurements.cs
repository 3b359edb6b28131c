using Platform.Experiments.ServingThroughput.Cpu;

namespace Platform.Experiments.ServingThroughput.Running;

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

    /// <summary>Mean tokens/s of each schedule with its 95% interval.</summary>
    public IReadOnlyDictionary<ServingSchedule, ConfidenceInterval> Intervals { get; } =
        TokensPerSecond.ToDictionary(kv => kv.Key, kv => ConfidenceInterval.Of(kv.Value));

    /// <summary>Mean tokens/s of the overlapped schedule over the sequential one.</summary>
    public double OverlapGain => Intervals[ServingSchedule.NanoOverlap].Mean / Intervals[ServingSchedule.Sequential].Mean;
}
