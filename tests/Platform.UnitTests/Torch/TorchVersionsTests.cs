using Platform.Experiments.Torch;
using TorchSharp;

namespace Platform.UnitTests.Torch;

public sealed class TorchVersionsTests
{
    [Fact]
    public void Reports_the_loaded_LibTorch_and_the_TorchSharp_assembly()
    {
        var versions = TorchVersions.Current;

        Assert.Equal(torch.__version__, versions.LibTorch);
        Assert.Matches(@"^\d+\.\d+\.\d+", versions.LibTorch);
        Assert.StartsWith(typeof(torch).Assembly.GetName().Version!.ToString(3), versions.TorchSharp, StringComparison.Ordinal);
    }
}
