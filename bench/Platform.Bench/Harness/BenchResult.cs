namespace Platform.Bench.Harness;

/// <summary>
/// One row of the table: our measurement beside the baseline measured in the same run, and the target the
/// issue sets. <see cref="Ratio"/> is ours / baseline for throughputs and baseline / ours for latencies, so
/// above 1 always means we are faster.
/// </summary>
public sealed record BenchResult(
    string Benchmark,
    string Case,
    string Unit,
    double Ours,
    string BaselineName,
    double? Baseline,
    bool HigherIsBetter,
    string Target,
    bool? TargetMet)
{
    public double? Ratio => Baseline is not { } b || b == 0 || Ours == 0 ? null : HigherIsBetter ? Ours / b : b / Ours;
}
