using Platform.Experiments.Contract;

namespace Platform.IntegrationTests.Support;

public sealed class BlockingParameters
{
    [Parameter("Seconds to run unless cancelled", Minimum = 0, Maximum = 600)]
    public double Seconds { get; set; } = 60;
}
