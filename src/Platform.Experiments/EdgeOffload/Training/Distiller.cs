using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Training;

/// <summary>
/// Trains a bottleneck student from a frozen teacher with summed squared errors between their layer outputs,
/// as the paper's code does. No labels are read: the frames' boxes are never touched.
/// </summary>
public sealed class Distiller : IDisposable
{
    private const double LearningRate = 1e-3;

    private readonly TinyDetector _teacher;
    private readonly BottleneckStudent _student;
    private readonly DistillationMethod _method;
    private readonly IReadOnlyList<Frame> _frames;
    private readonly int _batchSize;
    private readonly torch.optim.Optimizer _optimizer;
    private readonly torch.optim.lr_scheduler.LRScheduler _scheduler;
    private readonly Random _shuffle;

    public Distiller(TinyDetector teacher, BottleneckStudent student, DistillationMethod method, IReadOnlyList<Frame> frames,
        int batchSize, int epochs, int seed)
    {
        _teacher = teacher;
        _student = student;
        _method = method;
        _frames = frames;
        _batchSize = batchSize;
        (_optimizer, _scheduler) = TrainingSchedule.Adam(student.TrainableParameters(), LearningRate, epochs);
        _shuffle = new Random(seed);
    }

    /// <summary>One pass; returns the mean squared error per matched element (the SSE is what is minimised).</summary>
    public double TrainEpoch(CancellationToken cancellationToken)
    {
        _student.TrainHeadOnly();
        var order = _frames.OrderBy(_ => _shuffle.Next()).ToList();
        var total = 0.0;
        var elements = 0L;
        foreach (var (start, count) in FrameBatch.Ranges(order.Count, _batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            var images = FrameBatch.ToTensor(order, start, count);
            LayerOutputs target;
            using (torch.no_grad())
            {
                target = _teacher.Layers(images);
            }
            var (loss, matched) = Loss(_student.Layers(images), target);
            _optimizer.zero_grad();
            loss.backward();
            _optimizer.step();
            total += loss.item<float>();
            elements += matched;
        }
        _scheduler.step();
        _student.eval();
        return total / elements;
    }

    private (Tensor Loss, long Elements) Loss(LayerOutputs student, LayerOutputs teacher)
    {
        var loss = Sse(student.L1, teacher.L1);
        var elements = teacher.L1.numel();
        if (_method == DistillationMethod.Ghnd)
        {
            loss = loss + Sse(student.L2, teacher.L2) + Sse(student.L3, teacher.L3);
            elements += teacher.L2.numel() + teacher.L3.numel();
        }
        return (loss, elements);
    }

    private static Tensor Sse(Tensor student, Tensor teacher) => (student - teacher).pow(2).sum();

    public void Dispose() => _optimizer.Dispose();
}
