using Platform.Bench.Benchmarks.Queue;
using Platform.Experiments.Contract;

namespace Platform.Bench.Benchmarks.Load;

/// <summary>
/// A no-op run that leaves one trace per execution: a single metric point. Points are stored as plain rows (a step
/// logged twice is deduplicated only when read), so a run that ran twice, by any worker, would own two rows.
/// </summary>
public sealed class OnceExperiment : Experiment<NoOpParameters>
{
    public const string KindName = "bench-once";

    private static readonly RunSummary s_summary = RunSummary.FromMetrics(new Dictionary<string, double>());

    public override string Kind => KindName;

    public override string Title => "Once (load benchmark)";

    public override string Description => "Logs one point, so every execution is on record.";

    protected override async Task<RunSummary> RunAsync(NoOpParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        await context.LogAsync("execution", 0, context.Attempt, cancellationToken);
        return s_summary;
    }
}
