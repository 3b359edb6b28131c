using Platform.Bench.Benchmarks.LiveDelivery;
using Platform.Bench.Benchmarks.Studies;
using Platform.Bench.Harness;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// The studies issue's figures: the time to queue a 1,000-run study, no-op runs per second through 2 and 4 worker
/// processes claiming fairly across owners, and the paper scoreboard's load time over five families' headline studies.
/// </summary>
public sealed class StudiesBenchmark : IBenchmark
{
    public string Name => "studies";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var quick = context.Quick;
        var results = new List<BenchResult>();

        var (study, oneByOne) = await StudyQueueing.MeasureAsync(context, quick ? 1 : 5, cancellationToken);
        var median = Percentiles.Of(study, 50);
        results.Add(new BenchResult(Name, $"queue a {StudyQueueing.Points * StudyQueueing.Seeds:N0}-run study ({StudyQueueing.Points} points × {StudyQueueing.Seeds} seeds, POST /api/v1/studies), median of {study.Count}",
            "ms", median, "the same runs queued one by one (RunQueue, 4 callers)", Percentiles.Of(oneByOne, 50), HigherIsBetter: false, "< 1 s", median < 1_000));

        var runs = quick ? 100 : 2_000;
        foreach (var workers in new[] { 2, 4 })
        {
            var processes = await FairThroughput.ProcessesAsync(context, runs, workers, cancellationToken);
            var oneProcess = await FairThroughput.OneProcessAsync(context, runs, workers, cancellationToken);
            results.Add(new BenchResult(Name, $"{runs:N0} no-op runs of {FairThroughput.Owners} owners, fair claim, {workers} worker processes × 1 slot",
                "runs/s", processes, $"1 process × {workers} slots", oneProcess, HigherIsBetter: true, "—", null));
        }

        var database = await context.CreateDatabaseAsync(cancellationToken);
        await using var app = await BenchApp.StartAsync(database, maxConcurrentRuns: 1, _ => { }, cancellationToken);
        var requests = quick ? 3 : 20;
        var empty = await ScoreboardLoad.TimeAsync(app, requests, cancellationToken);
        var families = await ScoreboardLoad.StoreHeadlineStudiesAsync(app, cancellationToken);
        var loaded = await ScoreboardLoad.TimeAsync(app, requests, cancellationToken);
        results.Add(new BenchResult(Name, $"GET /api/v1/scoreboard: {families} families' headline studies × {ScoreboardLoad.Seeds} seeds, median of {requests}",
            "ms", Percentiles.Of(loaded, 50), "same request, no studies stored", Percentiles.Of(empty, 50), HigherIsBetter: false, "—", null));
        return results;
    }
}
