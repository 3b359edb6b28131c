using Platform.Experiments.Contract;

namespace Platform.Bench.Benchmarks.MetricIngestion;

/// <summary>A family that only logs: <c>Points</c> calls of <see cref="IRunContext.LogAsync"/> in a tight loop.</summary>
public sealed class MetricFloodExperiment : Experiment<MetricFloodParameters>
{
    public const string KindName = "bench-metric-flood";

    public const string Key = "bench/value";

    public override string Kind => KindName;

    public override string Title => "Metric flood (benchmark)";

    public override string Description => "Logs points as fast as the run context takes them.";

    public static double ValueAt(long step) => step * 0.5;

    protected override async Task<RunSummary> RunAsync(MetricFloodParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        for (long step = 0; step < parameters.Points; step++)
        {
            await context.LogAsync(Key, step, ValueAt(step), cancellationToken);
        }

        return RunSummary.FromMetrics(new Dictionary<string, double> { ["points"] = parameters.Points });
    }
}

public sealed class MetricFloodParameters
{
    [Parameter("Points to log", Minimum = 1, Maximum = 10_000_000)]
    public int Points { get; set; } = 1_000;
}
