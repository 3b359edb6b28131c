using Microsoft.Extensions.Logging.Abstractions;
using Platform.Bench.Benchmarks;
using Platform.Bench.Harness;
using Platform.Core.Postgres;

// bench/run [--quick] [--only name[,name]] [--out file.md]
var quick = args.Contains("--quick");
var only = Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var output = Option("--out");

IBenchmark[] all = [new MetricIngestionBenchmark(), new QueueBenchmark(), new LiveDeliveryBenchmark(), new TorchComputeBenchmark(), new DashboardBenchmark(), new LoadBenchmark()];
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
foreach (var benchmark in selected)
{
    Console.WriteLine($"== {benchmark.Name}{(quick ? " (quick)" : "")}");
    var rows = await benchmark.RunAsync(context, cancel.Token);
    results.AddRange(rows);
    Console.WriteLine(ResultTable.Render(rows));
}

var table = ResultTable.Render(results);
Console.WriteLine("== all");
Console.WriteLine(table);
if (output is not null)
{
    await File.WriteAllTextAsync(output, table, cancel.Token);
}

return 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
