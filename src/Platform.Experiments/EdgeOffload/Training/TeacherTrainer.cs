using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Detection;
using Platform.Experiments.EdgeOffload.Model;
using TorchSharp;

namespace Platform.Experiments.EdgeOffload.Training;

/// <summary>Trains the teacher detector with the CenterNet loss, one epoch per call.</summary>
public sealed class TeacherTrainer : IDisposable
{
    private const double LearningRate = 2e-3;

    private readonly TinyDetector _teacher;
    private readonly IReadOnlyList<Frame> _frames;
    private readonly int _batchSize;
    private readonly torch.optim.Optimizer _optimizer;
    private readonly torch.optim.lr_scheduler.LRScheduler _scheduler;
    private readonly Random _shuffle;

    public TeacherTrainer(TinyDetector teacher, IReadOnlyList<Frame> frames, int batchSize, int epochs, int seed)
    {
        _teacher = teacher;
        _frames = frames;
        _batchSize = batchSize;
        (_optimizer, _scheduler) = TrainingSchedule.Adam(teacher.parameters(), LearningRate, epochs);
        _shuffle = new Random(seed);
    }

    /// <summary>One pass over the shuffled frames; returns the mean batch loss.</summary>
    public double TrainEpoch(CancellationToken cancellationToken)
    {
        _teacher.train();
        var order = _frames.OrderBy(_ => _shuffle.Next()).ToList();
        var total = 0.0;
        var batches = 0;
        foreach (var (start, count) in FrameBatch.Ranges(order.Count, _batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            using var targets = CenterNetTargets.Build(order, start, count, _teacher.Shape);
            _optimizer.zero_grad();
            var loss = CenterNetLoss.Compute(_teacher.forward(FrameBatch.ToTensor(order, start, count)), targets, _teacher.Shape.Classes);
            loss.backward();
            _optimizer.step();
            total += loss.item<float>();
            batches++;
        }
        _scheduler.step();
        _teacher.eval();
        return total / batches;
    }

    public void Dispose() => _optimizer.Dispose();
}
