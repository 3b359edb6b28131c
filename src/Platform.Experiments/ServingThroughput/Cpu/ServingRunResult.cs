namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>
/// One measured serving run: tokens processed (prompt and generated, as the paper counts), wall time, iterations, and
/// each request's generated tokens for checking that schedules agree.
/// </summary>
public sealed record ServingRunResult(long Tokens, double Seconds, int Iterations, IReadOnlyList<int[]> Outputs)
{
    public double TokensPerSecond => Tokens / Seconds;
}
