using System.ComponentModel.DataAnnotations;
using Platform.Experiments.Contract;

namespace Platform.Bench.Benchmarks.Studies;

/// <summary>A family that does nothing but has one field to sweep, so a study's binding and queueing cost is all there is.</summary>
public sealed class SweepNoOpExperiment : Experiment<SweepNoOpParameters>
{
    public const string KindName = "bench-sweep";

    private static readonly RunSummary s_summary = RunSummary.FromMetrics(new Dictionary<string, double>());

    public override string Kind => KindName;

    public override string Title => "Sweepable no-op (benchmark)";

    public override string Description => "Returns at once, whatever its point.";

    protected override Task<RunSummary> RunAsync(SweepNoOpParameters parameters, IRunContext context, CancellationToken cancellationToken) =>
        Task.FromResult(s_summary);
}

public sealed class SweepNoOpParameters
{
    [Range(0, 1_000_000)]
    public int Point { get; init; }
}
