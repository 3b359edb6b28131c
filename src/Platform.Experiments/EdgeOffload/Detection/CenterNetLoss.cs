using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Detection;

/// <summary>CenterNet's loss: penalty-reduced focal loss (alpha 2, beta 4) on heatmaps plus L1 on size and offset.</summary>
public static class CenterNetLoss
{
    private const double SizeWeight = 0.5;

    public static Tensor Compute(Tensor head, CenterNetTargets targets, int classes)
    {
        using var scope = torch.NewDisposeScope();
        var logits = head[TensorIndex.Colon, TensorIndex.Slice(0, classes)];
        var regression = head[TensorIndex.Colon, TensorIndex.Slice(classes, classes + 4)];

        var p = torch.sigmoid(logits).clamp(1e-4, 1 - 1e-4);
        var positive = targets.Heatmap.eq(1).to_type(ScalarType.Float32);
        var negative = 1 - positive;
        var positiveLoss = torch.log(p) * (1 - p).pow(2) * positive;
        var negativeLoss = torch.log(1 - p) * p.pow(2) * (1 - targets.Heatmap).pow(4) * negative;
        var objects = positive.sum().clamp_min(1);
        var focal = -(positiveLoss.sum() + negativeLoss.sum()) / objects;

        var error = (regression - targets.Regression).abs() * targets.Mask;
        var sizeLoss = error[TensorIndex.Colon, TensorIndex.Slice(0, 2)].sum() / objects;
        var offsetLoss = error[TensorIndex.Colon, TensorIndex.Slice(2, 4)].sum() / objects;
        return (focal + (SizeWeight * sizeLoss) + offsetLoss).MoveToOuterDisposeScope();
    }
}
