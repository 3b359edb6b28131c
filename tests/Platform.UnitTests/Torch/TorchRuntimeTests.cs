using Platform.Experiments.Torch;
using Platform.UnitTests.Support;
using TorchSharp;

namespace Platform.UnitTests.Torch;

[Collection(LibTorchCollection.Name)]
public sealed class TorchRuntimeTests
{
    [Fact]
    public void Zero_threads_means_every_core()
    {
        var used = TorchRuntime.StartRun(threads: 0, seed: 1);

        Assert.Equal(Environment.ProcessorCount, used);
        Assert.Equal(Environment.ProcessorCount, torch.get_num_threads());
    }

    [Fact]
    public void The_requested_thread_count_reaches_LibTorch()
    {
        var used = TorchRuntime.StartRun(threads: 1, seed: 1);

        Assert.Equal(1, used);
        Assert.Equal(1, torch.get_num_threads());
    }

    [Fact]
    public void A_negative_thread_count_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchRuntime.UseThreads(-1));

    [Fact]
    public void The_same_seed_draws_the_same_numbers_and_another_seed_does_not()
    {
        TorchRuntime.StartRun(threads: 1, seed: 7);
        using var first = torch.randn(64);
        TorchRuntime.StartRun(threads: 1, seed: 7);
        using var again = torch.randn(64);
        TorchRuntime.StartRun(threads: 1, seed: 8);
        using var other = torch.randn(64);

        Assert.Equal(first.data<float>().ToArray(), again.data<float>().ToArray());
        Assert.NotEqual(first.data<float>().ToArray(), other.data<float>().ToArray());
    }
}
