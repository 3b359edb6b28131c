using Platform.Experiments.EdgeOffload.Data;

namespace Platform.Experiments.EdgeOffload.Detection;

/// <summary>A detector's accuracy on a set of frames: COCO's AP@[.5:.95] (the paper's metric) and AP@0.5.</summary>
public sealed record DetectionScore(double Ap, double Ap50)
{
    public static DetectionScore Of(IReadOnlyList<Frame> frames, IReadOnlyList<IReadOnlyList<ScoredBox>> detections, int classes)
    {
        IReadOnlyList<IReadOnlyList<Box>> truth = [.. frames.Select(f => f.Boxes)];
        return new DetectionScore(AveragePrecision.CocoMean(truth, detections, classes), AveragePrecision.Mean(truth, detections, classes));
    }
}
