using Platform.Experiments.EdgeOffload.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Pretrained;

/// <summary>
/// ImageNet ResNet-18 without its classifier, as ML.NET's featurizer exports it: stem, four stages of basic blocks,
/// global average pool to 512 features. Built from the same <see cref="Stem"/> and <see cref="ResidualBlock"/> the
/// detector uses, so its first three stages' weights load into a teacher unchanged. Weights: <see cref="ResNet18Onnx"/>.
/// </summary>
public sealed class ResNet18 : nn.Module<Tensor, Tensor>
{
    /// <summary>
    /// Basic blocks per stage in ML.NET's export (a CNTK model): its graph has three blocks in layer4, one more than
    /// torchvision's ResNet-18. Stages 1-3, all the detector uses, are the standard two blocks each.
    /// </summary>
    public static readonly int[] BlocksPerStage = [2, 2, 2, 3];

    private readonly Stem _stem;
    private readonly nn.Module<Tensor, Tensor> _layer1;
    private readonly nn.Module<Tensor, Tensor> _layer2;
    private readonly nn.Module<Tensor, Tensor> _layer3;
    private readonly nn.Module<Tensor, Tensor> _layer4;

    public ResNet18() : base(nameof(ResNet18))
    {
        _stem = Stem.ResNet();
        _layer1 = ResidualBlock.Stage(64, 64, BlocksPerStage[0], stride: 1);
        _layer2 = ResidualBlock.Stage(64, 128, BlocksPerStage[1], stride: 2);
        _layer3 = ResidualBlock.Stage(128, 256, BlocksPerStage[2], stride: 2);
        _layer4 = ResidualBlock.Stage(256, 512, BlocksPerStage[3], stride: 2);
        RegisterComponents();
    }

    public Stem Stem => _stem;

    public nn.Module<Tensor, Tensor> Layer1 => _layer1;

    public nn.Module<Tensor, Tensor> Layer2 => _layer2;

    public nn.Module<Tensor, Tensor> Layer3 => _layer3;

    /// <summary>The outputs of the stem and of layers 1-4, for comparing stage by stage.</summary>
    public IReadOnlyList<Tensor> Stages(Tensor frames)
    {
        var stem = _stem.forward(frames);
        var l1 = _layer1.forward(stem);
        var l2 = _layer2.forward(l1);
        var l3 = _layer3.forward(l2);
        return [stem, l1, l2, l3, _layer4.forward(l3)];
    }

    /// <summary>The 512 pooled features, [B, 512, 1, 1], the ONNX graph's output.</summary>
    public override Tensor forward(Tensor frames)
    {
        var stages = Stages(frames);
        var pooled = nn.functional.adaptive_avg_pool2d(stages[^1], [1, 1]);
        foreach (var stage in stages)
        {
            stage.Dispose();
        }
        return pooled;
    }

    /// <summary>Copies the stem and stages 1-3 into a detector built on <see cref="DetectorBackbone.ResNet18"/>.</summary>
    public void CopyBackboneInto(TinyDetector detector)
    {
        if (detector.Shape.Backbone != DetectorBackbone.ResNet18)
        {
            throw new ArgumentException("The detector is not built on ResNet-18.", nameof(detector));
        }
        detector.Stem.load_state_dict(_stem.state_dict());
        detector.Layer1.load_state_dict(_layer1.state_dict());
        detector.Trunk.Layer2.load_state_dict(_layer2.state_dict());
        detector.Trunk.Layer3.load_state_dict(_layer3.state_dict());
    }
}
