using Platform.Experiments.Contract;

namespace Platform.IntegrationTests.Support;

public sealed class ArtifactParameters
{
    [Parameter("Size of the artifact in bytes", Minimum = 0, Maximum = 100_000_000)]
    public int Bytes { get; set; } = 1024;
}
