using Platform.Experiments.Contract;

namespace Platform.Bench.Benchmarks.LiveDelivery;

public sealed class LiveProbeParameters
{
    [Parameter("Ticks to log; each tick logs one point per key", Minimum = 1, Maximum = 1_000_000)]
    public int Ticks { get; set; } = 100;

    [Parameter("Milliseconds between ticks", Minimum = 1, Maximum = 10_000)]
    public int TickMs { get; set; } = 10;

    [Parameter("Metric keys (k0, k1, ...)", Minimum = 1, Maximum = 100)]
    public int Keys { get; set; } = 10;

    [Parameter("Baseline: push each tick straight to the hub group instead of logging it")]
    public bool Direct { get; set; }
}
