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
        _stem = new Stem(shape.StemChannels);
        _layer1 = nn.Sequential(
            new ResidualBlock(shape.StemChannels, shape.L1Channels),
            new ResidualBlock(shape.L1Channels, shape.L1Channels));
        _trunk = new DetectorTrunk(shape);
        RegisterComponents();
    }

    public DetectorShape Shape { get; }

    public Stem Stem => _stem;

    public DetectorTrunk Trunk => _trunk;

    /// <summary>The device half of a naive split at L1: stem and L1, whose output is larger than the image.</summary>
    public Tensor HeadToL1(Tensor images)
    {
        using var stem = _stem.forward(images);
        return _layer1.forward(stem);
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
