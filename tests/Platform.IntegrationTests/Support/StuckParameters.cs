using Platform.Experiments.Contract;

namespace Platform.IntegrationTests.Support;

public sealed class StuckParameters
{
    [Parameter("Where the run gets stuck", Choices = ["libc-sleep", "torch-matmul"])]
    public string Native { get; set; } = "libc-sleep";

    [Parameter("libc-sleep: seconds inside sleep(3)", Minimum = 1, Maximum = 600)]
    public int Seconds { get; set; } = 5;

    [Parameter("torch-matmul: matrices multiplied in one batched LibTorch call (2048 x 2048 each)", Minimum = 1, Maximum = 64)]
    public int Batch { get; set; } = 8;
}
