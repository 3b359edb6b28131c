using Platform.Experiments.Contract;

namespace Platform.Bench.Benchmarks.Dashboard;

/// <summary>
/// Fills a run page: <c>Keys</c> series of <c>HistorySteps</c> points logged at once, then optionally one point per
/// key every <c>BatchMs</c>. Values wander like a noisy loss curve so every polyline has real shape to draw.
/// </summary>
public sealed class SeriesExperiment : Experiment<SeriesParameters>
{
    public const string KindName = "bench-dashboard-series";

    public override string Kind => KindName;

    public override string Title => "Dashboard series (bench)";

    public override string Description => "Logs many series, then a steady trickle of live points.";

    public static double ValueAt(int key, long step) =>
        (key + 1) * Math.Exp(-step / 700.0) + 0.1 * Math.Sin(step * 0.37 + key) + 0.05 * Math.Sin(step * 3.1 * (key + 1));

    protected override async Task<RunSummary> RunAsync(SeriesParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        var keys = Enumerable.Range(0, parameters.Keys)
            .Select(k => parameters.Panels > 0 ? $"p{k % parameters.Panels}/k{k}" : $"k{k}").ToArray();
        for (var step = 0; step < parameters.HistorySteps; step++)
        {
            for (var k = 0; k < keys.Length; k++)
            {
                await context.LogAsync(keys[k], step, ValueAt(k, step), cancellationToken);
            }
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(parameters.BatchMs));
        for (var batch = 0; batch < parameters.LiveBatches; batch++)
        {
            await timer.WaitForNextTickAsync(cancellationToken);
            var step = parameters.HistorySteps + batch;
            for (var k = 0; k < keys.Length; k++)
            {
                await context.LogAsync(keys[k], step, ValueAt(k, step), cancellationToken);
            }
        }

        return RunSummary.FromMetrics(new Dictionary<string, double> { ["keys"] = keys.Length });
    }
}
