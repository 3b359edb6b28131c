using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Detection;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Training;

/// <summary>Runs a detector (any images-to-head function) over frames in batches and scores it.</summary>
public static class Detections
{
    public static IReadOnlyList<IReadOnlyList<ScoredBox>> Run(Func<Tensor, Tensor> detector, IReadOnlyList<Frame> frames,
        int classes, int batchSize, CancellationToken cancellationToken)
    {
        var result = new List<IReadOnlyList<ScoredBox>>(frames.Count);
        using var noGrad = torch.no_grad();
        foreach (var (start, count) in FrameBatch.Ranges(frames.Count, batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            var head = detector(FrameBatch.ToTensor(frames, start, count));
            result.AddRange(CenterNetDecoder.Decode(head, classes));
        }
        return result;
    }

    public static double MeanAp(IReadOnlyList<Frame> frames, IReadOnlyList<IReadOnlyList<ScoredBox>> detections, int classes) =>
        AveragePrecision.Mean([.. frames.Select(f => f.Boxes)], detections, classes);
}
