using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Detection;

/// <summary>
/// Boxes from the head's output: heatmap peaks (a cell equal to the max of its 3x3 neighbourhood) above a score,
/// the best <see cref="TopK"/> per frame, each with its regressed size and offset; boxes with no area are dropped.
/// </summary>
public static class CenterNetDecoder
{
    public const int TopK = 20;

    // Low, so the evaluator sees the whole precision-recall curve; AP then integrates over it.
    public const double MinScore = 0.05;

    // torchvision's detectors (the paper's) drop boxes with a side under 0.01 px (remove_small_boxes): a box with no
    // area overlaps nothing, so it could only ever count as a false positive.
    public const double MinSide = 0.01;

    public static IReadOnlyList<IReadOnlyList<ScoredBox>> Decode(Tensor head, int classes)
    {
        using var scope = torch.NewDisposeScope();
        var heat = torch.sigmoid(head[TensorIndex.Colon, TensorIndex.Slice(0, classes)]);
        var peaks = nn.functional.max_pool2d(heat, 3, stride: 1, padding: 1);
        var kept = (heat * heat.eq(peaks)).contiguous();
        var regression = head[TensorIndex.Colon, TensorIndex.Slice(classes, classes + 4)].contiguous();
        var batch = (int)head.shape[0];
        var side = (int)head.shape[2];
        var scores = kept.data<float>().ToArray();
        var values = regression.data<float>().ToArray();

        var result = new List<IReadOnlyList<ScoredBox>>(batch);
        var cells = side * side;
        for (var b = 0; b < batch; b++)
        {
            var found = new List<ScoredBox>();
            for (var c = 0; c < classes; c++)
            {
                for (var cell = 0; cell < cells; cell++)
                {
                    var score = scores[(((b * classes) + c) * cells) + cell];
                    if (score < MinScore)
                    {
                        continue;
                    }
                    var box = BoxAt(values, b, cell, side, c);
                    if (box.Width >= MinSide && box.Height >= MinSide)
                    {
                        found.Add(new ScoredBox(box, score));
                    }
                }
            }
            result.Add([.. found.OrderByDescending(d => d.Score).Take(TopK)]);
        }
        return result;
    }

    private static Box BoxAt(float[] regression, int b, int cell, int side, int classIndex)
    {
        var cells = side * side;
        double Value(int k) => regression[(((b * 4) + k) * cells) + cell];
        var stride = DetectorShape.OutputStride;
        var cx = ((cell % side) + Value(2)) * stride;
        var cy = ((cell / side) + Value(3)) * stride;
        var w = Math.Max(0, Value(0)) * stride;
        var h = Math.Max(0, Value(1)) * stride;
        return new Box(cx - (w / 2), cy - (h / 2), cx + (w / 2), cy + (h / 2), classIndex);
    }
}
