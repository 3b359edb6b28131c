using Platform.Experiments.Contract;

namespace Platform.IntegrationTests.Support;

public sealed class CounterParameters
{
    [Parameter("Points logged per key", Minimum = 1, Maximum = 1_000_000)]
    public int Points { get; set; } = 10;

    [Parameter("How many metric keys (k0, k1, ...)", Minimum = 1, Maximum = 10)]
    public int Keys { get; set; } = 1;

    [Parameter("Pause after each step, in milliseconds", Minimum = 0, Maximum = 10_000)]
    public int DelayMs { get; set; }

    [Parameter("Throw at this step (-1: never)", Minimum = -1, Maximum = 1_000_000)]
    public int FailAtStep { get; set; } = -1;
}
