using Platform.Experiments.Contract;

namespace Platform.Bench.Benchmarks.Dashboard;

public sealed class SeriesParameters
{
    [Parameter("Metric keys (k0, k1, ...); 0 logs nothing", Minimum = 0, Maximum = 100)]
    public int Keys { get; set; } = 20;

    [Parameter("Panels the keys share (key kN draws in panel N mod Panels); 0 gives each key its own panel", Minimum = 0, Maximum = 100)]
    public int Panels { get; set; }

    [Parameter("Steps per key logged at once, as history", Minimum = 0, Maximum = 100_000)]
    public int HistorySteps { get; set; } = 2_000;

    [Parameter("Live batches after the history (one point per key each)", Minimum = 0, Maximum = 100_000)]
    public int LiveBatches { get; set; }

    [Parameter("Milliseconds between live batches", Minimum = 1, Maximum = 10_000)]
    public int BatchMs { get; set; } = 100;
}
