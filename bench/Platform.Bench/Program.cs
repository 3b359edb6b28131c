using Microsoft.Extensions.Logging.Abstractions;
using Platform.Bench.Benchmarks;
using Platform.Bench.Benchmarks.Studies;
using Platform.Bench.Harness;
using Platform.Core.Postgres;

// bench/run [--quick] [--only name[,name]] [--out file.md]
if (args is [WorkerProcesses.Verb, var workerConnection, var workerSlots])
{
    // A child of the studies benchmark: one worker process (see WorkerProcesses).
    return await WorkerProcesses.RunChildAsync(workerConnection, int.Parse(workerSlots, System.Globalization.CultureInfo.InvariantCulture));
}

var quick = args.Contains("--quick");
var only = Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var output = Option("--out");

IBenchmark[] all = [new MetricIngestionBenchmark(), new QueueBenchmark(), new LiveDeliveryBenchmark(), new TorchComputeBenchmark(), new DashboardBenchmark(), new LoadBenchmark(), new StudiesBenchmark()];
var selected = all.Where(b => only is null || only.Contains(b.Name, StringComparer.OrdinalIgnoreCase)).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine($"No benchmark matches --only; known: {string.Join(", ", all.Select(b => b.Name))}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
await using var cluster = await EmbeddedPostgresCluster.StartTemporaryAsync(NullLogger.Instance, cancel.Token);
var context = new BenchContext(cluster, quick);
var results = new List<BenchResult>();
var failed = new List<string>();
// A benchmark that fails is reported and the rest still run; one that outlives its limit ends the run, since what it
// left running would skew every later number.
var limit = quick ? TimeSpan.FromMinutes(10) : TimeSpan.FromMinutes(45);
foreach (var benchmark in selected)
{
    Console.WriteLine($"== {benchmark.Name}{(quick ? " (quick)" : "")}");
    var run = benchmark.RunAsync(context, cancel.Token);
    try
    {
        var rows = await Deadline.WithinAsync(run, limit, $"The {benchmark.Name} benchmark");
        results.AddRange(rows);
        Console.WriteLine(ResultTable.Render(rows));
    }
    catch (Exception e)
    {
        failed.Add(benchmark.Name);
        Console.Error.WriteLine($"FAILED {benchmark.Name}: {e}");
        if (!run.IsCompleted)
        {
            cancel.Cancel();
            break;
        }
    }
}

var table = ResultTable.Render(results);
Console.WriteLine("== all");
Console.WriteLine(table);
if (output is not null)
{
    await File.WriteAllTextAsync(output, table, CancellationToken.None);
}

if (failed.Count > 0)
{
    Console.Error.WriteLine($"{failed.Count} benchmark(s) failed: {string.Join(", ", failed)}");
    return 1;
}
return 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
