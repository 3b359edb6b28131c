using Platform.Experiments.Torch;

namespace Platform.UnitTests.Security;

public sealed class RunThreadsTests
{
    [Theory]
    [InlineData(64, 2, 2)]
    [InlineData(1, 4, 1)]
    [InlineData(0, 3, 3)]
    [InlineData(5, 0, 1)]
    public void A_run_never_gets_more_threads_than_the_workers_share(int requested, int share, int expected) =>
        Assert.Equal(expected, TorchRuntime.ThreadsFor(requested, share));
}
