using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;
using Platform.Experiments.Torch;

namespace Platform.Experiments.HardwareProfile.Measurement;

/// <summary>
/// Times whole training steps (forward, backward, Adam update) of a small MLP on one fixed batch, the unit of work
/// most families repeat thousands of times.
/// </summary>
internal sealed class TrainStepTimer : IDisposable
{
    private const int InputFeatures = 64;
    private const int Classes = 10;
    private const double LearningRate = 1e-3;

    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly Tensor _inputs;
    private readonly Tensor _labels;

    public TrainStepTimer(int batchSize, int hiddenWidth)
    {
        _model = nn.Sequential(
            nn.Linear(InputFeatures, hiddenWidth),
            nn.ReLU(),
            nn.Linear(hiddenWidth, hiddenWidth),
            nn.ReLU(),
            nn.Linear(hiddenWidth, Classes));
        _optimizer = ScalarSafeAdam.Adam(_model.parameters(), LearningRate);
        _inputs = torch.randn(batchSize, InputFeatures);

        // Labels from a fixed random linear teacher: the batch is learnable, so a working step lowers the loss.
        using var teacher = torch.randn(InputFeatures, Classes);
        using var scores = _inputs.matmul(teacher);
        _labels = scores.argmax(1);
    }

    /// <summary>Runs one step; returns its wall time and the batch loss before the update.</summary>
    public (double Milliseconds, double Loss) Step()
    {
        using var scope = torch.NewDisposeScope();
        var stopwatch = Stopwatch.StartNew();
        _optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(_model.forward(_inputs), _labels);
        loss.backward();
        _optimizer.step();
        stopwatch.Stop();
        return (stopwatch.Elapsed.TotalMilliseconds, loss.item<float>());
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _model.Dispose();
        _inputs.Dispose();
        _labels.Dispose();
    }
}
