using Platform.Experiments.Contract;
using static Platform.Experiments.Contract.MemoryEstimate;

namespace Platform.Experiments.HardwareProfile;

public sealed partial class HardwareProfileParameters : IEstimatesPeakMemory
{
    /// <summary>The MLP the training step times: 64 inputs, two hidden layers, 10 classes (see TrainStepTimer).</summary>
    private const int MlpInputs = 64, MlpClasses = 10;

    public MemoryEstimate EstimatePeakMemory()
    {
        double n = MatrixSizes.Count == 0 ? 0 : MatrixSizes.Max();
        double h = TrainHiddenWidth;
        var mlpParameters = (MlpInputs * h) + h + (h * h) + h + (h * MlpClasses) + MlpClasses;
        return new MemoryEstimate(
        [
            new("matrices (both factors and the product)", 3 * n * n * Float32, "matrixSizes"),
            new("copy buffer and its target", 2.0 * CopyBufferMiB * (1 << 20), "copyBufferMiB"),
            // Weights, their gradients and Adam's two moments.
            new("MLP weights, gradients and optimiser state", 4 * mlpParameters * Float32, "trainHiddenWidth"),
            // Every layer's output kept for the backward pass, and its gradient (each hidden layer: linear and ReLU).
            new("MLP activations", 2.0 * TrainBatchSize * (MlpInputs + (4 * h) + MlpClasses) * Float32, "trainBatchSize", "trainHiddenWidth"),
        ]);
    }
}
