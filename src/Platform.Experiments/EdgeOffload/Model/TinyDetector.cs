using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>The teacher: stem (L0), two residual blocks (L1), then the trunk. Input: [B, 3, S, S] in [-0.5, 0.5].</summary>
public sealed class TinyDetector : nn.Module<Tensor, Tensor>
{
    private readonly Stem _stem;
    private readonly nn.Module<Tensor, Tensor> _layer1;
    private readonly DetectorTrunk _trunk;

    public TinyDetector(DetectorShape shape) : base(nameof(TinyDetector))
    {
        Shape = shape;
        _stem = Stem.For(shape);
        _layer1 = ResidualBlock.Stage(shape.StemChannels, shape.L1Channels, blocks: 2, stride: 1);
        _trunk = new DetectorTrunk(shape);
        RegisterComponents();
    }

    public DetectorShape Shape { get; }

    public Stem Stem => _stem;

    public DetectorTrunk Trunk => _trunk;

    /// <summary>L1's residual blocks, for loading pre-trained weights into them.</summary>
    public nn.Module<Tensor, Tensor> Layer1 => _layer1;

    /// <summary>The device half of a naive split at L1: stem and L1, whose output is larger than the image.</summary>
    public Tensor HeadToL1(Tensor images)
    {
        using var stem = _stem.forward(images);
        return _layer1.forward(stem);
    }

    /// <summary>Freezes stem, L1, L2 and L3 (a pre-trained backbone), leaving the neck and head trainable.</summary>
    public void FreezeBackbone()
    {
        _stem.Freeze();
        _layer1.Freeze();
        _trunk.Layer2.Freeze();
        _trunk.Layer3.Freeze();
    }

    public override Tensor forward(Tensor images)
    {
        using var l1 = HeadToL1(images);
        return _trunk.forward(l1);
    }

    public LayerOutputs Layers(Tensor images)
    {
        var l1 = HeadToL1(images);
        return LayerOutputs.From(l1, _trunk.Run(l1));
    }
}
