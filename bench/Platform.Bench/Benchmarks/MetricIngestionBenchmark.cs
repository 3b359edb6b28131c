using Microsoft.Extensions.DependencyInjection;
using Platform.Bench.Benchmarks.MetricIngestion;
using Platform.Bench.Benchmarks.Queue;
using Platform.Bench.Harness;
using Platform.Experiments;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// Benchmark 1: points/s through the real run context → channel → pump → binary COPY path of a real worker app
/// (no HTTP: runs are submitted with the real RunQueue), against raw binary COPY of the same rows into the same
/// table from one connection, for 1, 4 and 16 concurrent runs sharing one fixed total of points.
/// </summary>
public sealed class MetricIngestionBenchmark : IBenchmark
{
    private const double ShareOfLimit = 0.70;
    private const double FloorPointsPerSecond = 200_000;

    public string Name => "metric-ingestion";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var totalPoints = context.Quick ? 20_000 : 320_000;
        await using var database = await BenchDatabase.CreateAsync(context, cancellationToken);
        await using var app = await WorkerApp.CreateAsync(database.ConnectionString, 16, s => s.AddExperiment<MetricFloodExperiment>(), cancellationToken);
        await app.StartAsync(cancellationToken);

        // One throwaway round so JIT and first connections are not charged to the first case.
        await PipelineIngestion.PointsPerSecondAsync(database, 1, Math.Min(totalPoints, 50_000), cancellationToken);
        await database.ScalarAsync("TRUNCATE metric_points", cancellationToken);

        var results = new List<BenchResult>();
        foreach (var runs in new[] { 1, 4, 16 })
        {
            var pointsPerRun = totalPoints / runs;
            var (ours, ids) = await PipelineIngestion.PointsPerSecondAsync(database, runs, pointsPerRun, cancellationToken);
            // Same starting state for the limit: an empty table with the same index.
            await database.ScalarAsync("TRUNCATE metric_points", cancellationToken);
            var limit = await RawCopy.PointsPerSecondAsync(database.DataSource, ids, pointsPerRun, cancellationToken);
            await database.ScalarAsync("TRUNCATE metric_points", cancellationToken);
            results.Add(new BenchResult(Name, $"{runs} run{(runs > 1 ? "s" : "")} × {pointsPerRun:N0} points", "points/s",
                ours, "raw binary COPY, 1 connection", limit, HigherIsBetter: true,
                "≥ 70% of COPY and ≥ 200,000/s", ours >= ShareOfLimit * limit && ours >= FloorPointsPerSecond));
        }

        return results;
    }
}
