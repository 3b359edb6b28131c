using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Detection;

/// <summary>
/// CenterNet training targets on the stride-8 grid: a Gaussian peak per object in its class heatmap (exactly 1
/// at the centre cell), and at that cell the box size and the sub-cell centre offset, in cells.
/// </summary>
public sealed record CenterNetTargets(Tensor Heatmap, Tensor Regression, Tensor Mask) : IDisposable
{
    public static CenterNetTargets Build(IReadOnlyList<Frame> frames, int start, int count, DetectorShape shape)
    {
        var side = shape.OutputSide;
        var cells = side * side;
        var heatmap = new float[count * shape.Classes * cells];
        var regression = new float[count * 4 * cells];
        var mask = new float[count * cells];
        for (var i = 0; i < count; i++)
        {
            foreach (var box in frames[start + i].Boxes)
            {
                var cx = (box.X1 + box.X2) / 2 / DetectorShape.OutputStride;
                var cy = (box.Y1 + box.Y2) / 2 / DetectorShape.OutputStride;
                var gx = Math.Clamp((int)cx, 0, side - 1);
                var gy = Math.Clamp((int)cy, 0, side - 1);
                var sigma = Math.Max(0.5, 0.25 * Math.Max(box.Width, box.Height) / DetectorShape.OutputStride);
                var plane = ((i * shape.Classes) + box.Class) * cells;
                for (var y = 0; y < side; y++)
                {
                    for (var x = 0; x < side; x++)
                    {
                        var d2 = ((x - gx) * (x - gx)) + ((y - gy) * (y - gy));
                        var value = (float)Math.Exp(-d2 / (2 * sigma * sigma));
                        heatmap[plane + (y * side) + x] = Math.Max(heatmap[plane + (y * side) + x], value);
                    }
                }
                var cell = (gy * side) + gx;
                regression[(((i * 4) + 0) * cells) + cell] = (float)(box.Width / DetectorShape.OutputStride);
                regression[(((i * 4) + 1) * cells) + cell] = (float)(box.Height / DetectorShape.OutputStride);
                regression[(((i * 4) + 2) * cells) + cell] = (float)(cx - gx);
                regression[(((i * 4) + 3) * cells) + cell] = (float)(cy - gy);
                mask[(i * cells) + cell] = 1;
            }
        }
        return new CenterNetTargets(
            torch.tensor(heatmap, [count, shape.Classes, side, side]),
            torch.tensor(regression, [count, 4, side, side]),
            torch.tensor(mask, [count, 1, side, side]));
    }

    public void Dispose()
    {
        Heatmap.Dispose();
        Regression.Dispose();
        Mask.Dispose();
    }
}
