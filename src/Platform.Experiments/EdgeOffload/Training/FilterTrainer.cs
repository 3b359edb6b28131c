using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Model;
using TorchSharp;
using static TorchSharp.torch;
using Platform.Experiments.Torch;

namespace Platform.Experiments.EdgeOffload.Training;

/// <summary>
/// Trains the neural filter with cross-entropy on "has an object of interest", on top of a frozen stem (the
/// device's), as the paper's <c>ext_runner</c> does with everything but the filter frozen.
/// </summary>
public sealed class FilterTrainer : IDisposable
{
    private const double LearningRate = 1e-3;

    private readonly Stem _stem;
    private readonly NeuralFilter _filter;
    private readonly IReadOnlyList<Frame> _frames;
    private readonly int _batchSize;
    private readonly torch.optim.Optimizer _optimizer;
    private readonly Random _shuffle;

    public FilterTrainer(Stem stem, NeuralFilter filter, IReadOnlyList<Frame> frames, int batchSize, int seed)
    {
        _stem = stem;
        _filter = filter;
        _frames = frames;
        _batchSize = batchSize;
        _optimizer = ScalarSafeAdam.Adam(filter.parameters(), LearningRate);
        _shuffle = new Random(seed);
    }

    public double TrainEpoch(CancellationToken cancellationToken)
    {
        _stem.eval();
        _filter.train();
        var order = _frames.OrderBy(_ => _shuffle.Next()).ToList();
        var total = 0.0;
        var batches = 0;
        foreach (var (start, count) in FrameBatch.Ranges(order.Count, _batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            Tensor stemOutput;
            using (torch.no_grad())
            {
                stemOutput = _stem.forward(FrameBatch.ToTensor(order, start, count));
            }
            var labels = torch.tensor(order.Skip(start).Take(count).Select(f => f.HasObject ? 1L : 0L).ToArray());
            _optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(_filter.forward(stemOutput), labels);
            loss.backward();
            _optimizer.step();
            total += loss.item<float>();
            batches++;
        }
        _filter.eval();
        return total / batches;
    }

    /// <summary>p(object) of each frame, as the device computes it.</summary>
    public static double[] Probabilities(Stem stem, NeuralFilter filter, IReadOnlyList<Frame> frames, int batchSize)
    {
        stem.eval();
        filter.eval();
        var result = new List<double>(frames.Count);
        using var noGrad = torch.no_grad();
        foreach (var (start, count) in FrameBatch.Ranges(frames.Count, batchSize))
        {
            using var scope = torch.NewDisposeScope();
            var p = filter.ObjectProbability(stem.forward(FrameBatch.ToTensor(frames, start, count)));
            result.AddRange(p.data<float>().ToArray().Select(v => (double)v));
        }
        return [.. result];
    }

    public void Dispose() => _optimizer.Dispose();
}
