using System.Diagnostics;
using Platform.Bench.Benchmarks.Queue;

namespace Platform.Bench.Benchmarks.MetricIngestion;

/// <summary>
/// Ours: <c>runs</c> concurrent runs of <see cref="MetricFloodExperiment"/> in a real worker app, so every point
/// takes the production path (RunContext.LogAsync → MetricChannel → MetricPump batches → MetricCopyWriter COPY,
/// then the pump's live publish). Timed from submitting the runs until all have succeeded; a run only succeeds
/// after its flush marker confirms every point it logged is stored, and the row count is checked after.
/// </summary>
public static class PipelineIngestion
{
    public static async Task<(double PointsPerSecond, IReadOnlyList<Guid> Runs)> PointsPerSecondAsync(
        BenchDatabase database, int runs, int pointsPerRun, CancellationToken cancellationToken)
    {
        var parameters = $$"""{"points":{{pointsPerRun}}}""";
        var done = await database.ScalarAsync("SELECT count(*) FROM runs WHERE state = 'Succeeded'", cancellationToken);
        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, runs).Select(_ => database.SubmitAsync(MetricFloodExperiment.KindName, parameters, cancellationToken)));
        await database.WaitForSucceededAsync(done + runs, TimeSpan.FromMinutes(3), cancellationToken);
        var elapsed = clock.Elapsed;

        var stored = await database.ScalarAsync("SELECT count(*) FROM metric_points", cancellationToken);
        if (stored != (long)runs * pointsPerRun)
        {
            throw new InvalidOperationException($"Expected {(long)runs * pointsPerRun} stored points, found {stored}.");
        }

        return ((double)runs * pointsPerRun / elapsed.TotalSeconds, ids);
    }
}
