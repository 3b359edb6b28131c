using Platform.Experiments.Contract;

namespace Platform.Bench.Benchmarks.Queue;

/// <summary>A family that does nothing, so a run costs exactly the queue's and the runner's own overhead.</summary>
public sealed class NoOpExperiment : Experiment<NoOpParameters>
{
    public const string KindName = "bench-noop";

    private static readonly RunSummary s_summary = RunSummary.FromMetrics(new Dictionary<string, double>());

    public override string Kind => KindName;

    public override string Title => "No-op (benchmark)";

    public override string Description => "Returns at once.";

    protected override Task<RunSummary> RunAsync(NoOpParameters parameters, IRunContext context, CancellationToken cancellationToken) =>
        Task.FromResult(s_summary);
}

public sealed class NoOpParameters;
