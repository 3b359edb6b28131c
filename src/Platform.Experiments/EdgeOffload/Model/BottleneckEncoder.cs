using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>
/// The device-side half of the injected bottleneck, after the paper's <c>Bottleneck4LargeResNet</c>: four 2x2 convs
/// with padding 1 (each grows the side by 1) ending in <c>c</c> channels, the tensor sent over the link.
/// </summary>
public sealed class BottleneckEncoder : nn.Module<Tensor, Tensor>
{
    public const int SideGrowth = 4;

    private readonly nn.Module<Tensor, Tensor> _layers;

    public BottleneckEncoder(int inChannels, int bottleneckChannels) : base(nameof(BottleneckEncoder))
    {
        _layers = nn.Sequential(
            nn.Conv2d(inChannels, inChannels, 2, padding: 1, bias: false),
            nn.BatchNorm2d(inChannels),
            nn.Conv2d(inChannels, 2 * inChannels, 2, padding: 1, bias: false),
            nn.BatchNorm2d(2 * inChannels),
            nn.ReLU(),
            nn.Conv2d(2 * inChannels, inChannels, 2, padding: 1, bias: false),
            nn.BatchNorm2d(inChannels),
            nn.Conv2d(inChannels, bottleneckChannels, 2, padding: 1, bias: false));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _layers.forward(input);
}
