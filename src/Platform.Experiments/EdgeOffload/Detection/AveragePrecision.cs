using Platform.Experiments.EdgeOffload.Data;

namespace Platform.Experiments.EdgeOffload.Detection;

/// <summary>
/// Box AP as COCO computes it (pycocotools' COCOeval): detections of a class are ranked by score over all images,
/// each matches the unmatched ground-truth box of its image with the highest IoU at or above the threshold, the
/// precision curve is made non-increasing, and AP is its mean at the 101 recalls 0, 0.01, ..., 1 (0 at a recall the
/// ranking never reaches). <see cref="CocoMean"/> is the paper's metric, AP@[.5:.95].
/// </summary>
public static class AveragePrecision
{
    private const int RecallPoints = 101;

    /// <summary>COCO's IoU thresholds 0.50, 0.55, ..., 0.95.</summary>
    public static IReadOnlyList<double> CocoThresholds { get; } = [.. Enumerable.Range(0, 10).Select(i => 0.5 + (0.05 * i))];

    /// <summary>AP@[.5:.95]: the mean over <see cref="CocoThresholds"/> of the mean AP over classes.</summary>
    public static double CocoMean(IReadOnlyList<IReadOnlyList<Box>> truth, IReadOnlyList<IReadOnlyList<ScoredBox>> detections, int classes) =>
        CocoThresholds.Average(threshold => Mean(truth, detections, classes, threshold));

    /// <summary>Mean AP over the classes that have at least one ground-truth box; 0 when no class has any.</summary>
    public static double Mean(IReadOnlyList<IReadOnlyList<Box>> truth, IReadOnlyList<IReadOnlyList<ScoredBox>> detections,
        int classes, double iouThreshold = 0.5)
    {
        var aps = Enumerable.Range(0, classes)
            .Select(c => ForClass(truth, detections, c, iouThreshold))
            .Where(ap => ap is not null)
            .Select(ap => ap!.Value)
            .ToList();
        return aps.Count == 0 ? 0 : aps.Average();
    }

    /// <summary>AP of one class, or null when it has no ground-truth box (undefined, so left out of the mean).</summary>
    public static double? ForClass(IReadOnlyList<IReadOnlyList<Box>> truth, IReadOnlyList<IReadOnlyList<ScoredBox>> detections,
        int classIndex, double iouThreshold = 0.5)
    {
        var positives = truth.Sum(boxes => boxes.Count(b => b.Class == classIndex));
        if (positives == 0)
        {
            return null;
        }

        // A stable sort, as COCO's mergesort: equal scores keep image order.
        var ranked = detections
            .SelectMany((boxes, image) => boxes.Where(d => d.Box.Class == classIndex).Select(d => (Image: image, Detection: d)))
            .OrderByDescending(x => x.Detection.Score)
            .ToList();
        var matched = truth.Select(boxes => new bool[boxes.Count]).ToArray();
        var hits = new bool[ranked.Count];
        for (var i = 0; i < ranked.Count; i++)
        {
            var (image, detection) = ranked[i];
            var best = -1;
            var bestIoU = iouThreshold;
            for (var g = 0; g < truth[image].Count; g++)
            {
                var gt = truth[image][g];
                var iou = gt.Class == classIndex ? gt.IoU(detection.Box) : 0;
                if (!matched[image][g] && iou >= bestIoU)
                {
                    best = g;
                    bestIoU = iou;
                }
            }
            if (best >= 0)
            {
                matched[image][best] = true;
                hits[i] = true;
            }
        }
        return Interpolated(hits, positives);
    }

    private static double Interpolated(bool[] hits, int positives)
    {
        var precision = new double[hits.Length];
        var truePositives = new int[hits.Length];
        var tp = 0;
        for (var i = 0; i < hits.Length; i++)
        {
            tp += hits[i] ? 1 : 0;
            truePositives[i] = tp;
            precision[i] = (double)tp / (i + 1);
        }
        for (var i = hits.Length - 2; i >= 0; i--)
        {
            precision[i] = Math.Max(precision[i], precision[i + 1]);
        }

        // At each recall k/100, the envelope at the first rank that reaches it (compared in integers: exact).
        var sum = 0.0;
        var rank = 0;
        for (var k = 0; k < RecallPoints; k++)
        {
            while (rank < hits.Length && truePositives[rank] * 100L < (long)k * positives)
            {
                rank++;
            }
            if (rank == hits.Length)
            {
                break;
            }
            sum += precision[rank];
        }
        return sum / RecallPoints;
    }
}
