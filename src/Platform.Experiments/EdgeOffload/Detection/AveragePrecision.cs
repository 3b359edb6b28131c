using Platform.Experiments.EdgeOffload.Data;

namespace Platform.Experiments.EdgeOffload.Detection;

/// <summary>
/// AP at an IoU threshold (0.5 by default), all-point interpolated as in PASCAL VOC 2010+ and COCO's per-threshold
/// AP: detections of a class are ranked by score over all images, each matches the unmatched ground-truth box of
/// its image with the highest IoU, and AP is the area under the precision envelope.
/// </summary>
public static class AveragePrecision
{
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
        return AreaUnderEnvelope(hits, positives);
    }

    private static double AreaUnderEnvelope(bool[] hits, int positives)
    {
        var precision = new double[hits.Length];
        var recall = new double[hits.Length];
        var tp = 0;
        for (var i = 0; i < hits.Length; i++)
        {
            tp += hits[i] ? 1 : 0;
            precision[i] = (double)tp / (i + 1);
            recall[i] = (double)tp / positives;
        }
        for (var i = hits.Length - 2; i >= 0; i--)
        {
            precision[i] = Math.Max(precision[i], precision[i + 1]);
        }

        var area = 0.0;
        var previousRecall = 0.0;
        for (var i = 0; i < hits.Length; i++)
        {
            area += (recall[i] - previousRecall) * precision[i];
            previousRecall = recall[i];
        }
        return area;
    }
}
