using Platform.Experiments.Contract;

namespace Platform.Experiments.HardwareProfile;

public sealed partial class HardwareProfileParameters : IValidatableParameters
{
    [Parameter("Square float32 matrix sizes n to multiply (n x n by n x n); one GFLOP/s point per size.",
        Minimum = 16, Maximum = 4096, MinItems = 1, MaxItems = 16, Main = true)]
    public List<int> MatrixSizes { get; set; } = [128, 256, 512, 1024];

    [Parameter("Timed repeats per matrix size and of the memory copy.", Minimum = 1, Maximum = 100, Main = true)]
    public int Repeats { get; set; } = 5;

    [Parameter("Size of the buffer copied to measure memory bandwidth, in MiB.", Minimum = 1, Maximum = 1024)]
    public int CopyBufferMiB { get; set; } = 64;

    [Parameter("Batch size of the timed MLP training step.", Minimum = 1, Maximum = 4096)]
    public int TrainBatchSize { get; set; } = 256;

    [Parameter("Width of the MLP's two hidden layers.", Minimum = 8, Maximum = 4096)]
    public int TrainHiddenWidth { get; set; } = 512;

    [Parameter("Number of timed training steps (forward, backward, Adam step).", Minimum = 1, Maximum = 1000, Main = true)]
    public int TrainSteps { get; set; } = 20;

    [Parameter("Compute threads for this run; 0 uses the worker's share of the cores.", Minimum = 0, Maximum = 64, Main = true)]
    public int Threads { get; set; }

    public IEnumerable<(string Field, string Message)> Validate()
    {
        // Sizes are the steps of the matmul series; a repeated size would log two points at one step.
        if (MatrixSizes.Distinct().Count() != MatrixSizes.Count)
        {
            yield return ("matrixSizes", "Each matrix size may appear only once.");
        }
    }
}
