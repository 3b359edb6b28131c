using System.Diagnostics;
using Platform.Experiments.Contract;

namespace Platform.IntegrationTests.Support;

/// <summary>A test family that runs until cancelled (or a time limit), logging a tick every 50 ms.</summary>
public sealed class BlockingExperiment : Experiment<BlockingParameters>
{
    public const string KindName = "test-block";

    public override string Kind => KindName;

    public override string Title => "Blocking (test)";

    public override string Description => "Runs until cancelled.";

    protected override async Task<RunSummary> RunAsync(BlockingParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var tick = 0L;
        while (clock.Elapsed.TotalSeconds < parameters.Seconds)
        {
            await context.LogAsync("tick", tick++, clock.Elapsed.TotalSeconds, cancellationToken);
            await Task.Delay(50, cancellationToken);
        }

        return new RunSummary(new Dictionary<string, double> { ["ticks"] = tick }, []);
    }
}
