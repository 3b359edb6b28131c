using Platform.Experiments.EdgeOffload.Pretrained;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>
/// L0, stride 4 in total. Tiny: conv 3x3 stride 2, BN, ReLU, max-pool 2. ResNet-18: the ImageNet input transform,
/// conv 7x7 stride 2, BN, ReLU, max-pool 3 stride 2.
/// </summary>
public sealed class Stem : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _input;
    private readonly nn.Module<Tensor, Tensor> _layers;

    public Stem(int channels) : this(nn.Identity(), nn.Sequential(
        nn.Conv2d(3, channels, 3, stride: 2, padding: 1, bias: false),
        nn.BatchNorm2d(channels),
        nn.ReLU(),
        nn.MaxPool2d(2)))
    {
    }

    private Stem(nn.Module<Tensor, Tensor> input, nn.Module<Tensor, Tensor> layers) : base(nameof(Stem))
    {
        _input = input;
        _layers = layers;
        RegisterComponents();
    }

    public static Stem For(DetectorShape shape) =>
        shape.Backbone == DetectorBackbone.ResNet18 ? ResNet() : new Stem(shape.StemChannels);

    /// <summary>ResNet-18's stem behind the transform from frames to its ImageNet input (see <see cref="ImageNetInput"/>).</summary>
    public static Stem ResNet() => new(new ImageNetInput(), nn.Sequential(
        nn.Conv2d(3, 64, 7, stride: 2, padding: 3, bias: false),
        nn.BatchNorm2d(64),
        nn.ReLU(),
        nn.MaxPool2d(3, stride: 2, padding: 1)));

    public override Tensor forward(Tensor input)
    {
        using var prepared = _input.forward(input);
        return _layers.forward(prepared);
    }
}
