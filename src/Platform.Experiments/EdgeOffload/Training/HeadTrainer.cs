using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Detection;
using Platform.Experiments.EdgeOffload.Model;
using TorchSharp;
using Platform.Experiments.Torch;

namespace Platform.Experiments.EdgeOffload.Training;

/// <summary>
/// Trains only the neck and CenterNet head of a teacher whose backbone (stem, L1, L2, L3) is pre-trained and frozen,
/// from the backbone's cached features, with the same loss and schedule shape as <see cref="TeacherTrainer"/>.
/// </summary>
public sealed class HeadTrainer : IDisposable
{
    private const double LearningRate = 2e-3;

    private readonly TinyDetector _teacher;
    private readonly IReadOnlyList<Frame> _frames;
    private readonly BackboneFeatures _features;
    private readonly int _batchSize;
    private readonly torch.optim.Optimizer _optimizer;
    private readonly torch.optim.lr_scheduler.LRScheduler _scheduler;
    private readonly Random _shuffle;

    public HeadTrainer(TinyDetector teacher, IReadOnlyList<Frame> frames, BackboneFeatures features, int batchSize, int epochs, int seed)
    {
        _teacher = teacher;
        _frames = frames;
        _features = features;
        _batchSize = batchSize;
        (_optimizer, _scheduler) = TrainingSchedule.Adam(teacher.Trunk.HeadParameters(), LearningRate, epochs);
        _shuffle = new Random(seed);
    }

    public double TrainEpoch(CancellationToken cancellationToken)
    {
        // The backbone's BN layers keep ImageNet's statistics; the neck and head have none, so eval mode throughout.
        _teacher.eval();
        var order = Enumerable.Range(0, _frames.Count).OrderBy(_ => _shuffle.Next()).ToArray();
        var shuffled = order.Select(i => _frames[i]).ToList();
        var total = 0.0;
        var batches = 0;
        foreach (var (start, count) in FrameBatch.Ranges(order.Length, _batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            using var targets = CenterNetTargets.Build(shuffled, start, count, _teacher.Shape);
            _optimizer.zero_grad();
            var head = _features.Head(_teacher.Trunk, [.. order.Skip(start).Take(count).Select(i => (long)i)]);
            var loss = CenterNetLoss.Compute(head, targets, _teacher.Shape.Classes);
            loss.backward();
            _optimizer.step();
            total += loss.item<float>();
            batches++;
        }
        _scheduler.step();
        return total / batches;
    }

    /// <summary>mAP@0.5 on frames whose features are cached in <paramref name="features"/>.</summary>
    public double MeanAp(IReadOnlyList<Frame> frames, BackboneFeatures features)
    {
        var detections = new List<IReadOnlyList<ScoredBox>>(frames.Count);
        using var noGrad = torch.no_grad();
        foreach (var (start, count) in FrameBatch.Ranges(frames.Count, 64))
        {
            using var scope = torch.NewDisposeScope();
            detections.AddRange(CenterNetDecoder.Decode(features.Head(_teacher.Trunk, [.. Enumerable.Range(start, count).Select(i => (long)i)]),
                _teacher.Shape.Classes));
        }
        return Detections.MeanAp(frames, detections, _teacher.Shape.Classes);
    }

    public void Dispose() => _optimizer.Dispose();
}
