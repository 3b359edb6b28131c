using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>L0: conv 3x3 stride 2, BN, ReLU, max-pool 2, as the ResNet stem but narrower (stride 4 in total).</summary>
public sealed class Stem : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _layers;

    public Stem(int channels) : base(nameof(Stem))
    {
        _layers = nn.Sequential(
            nn.Conv2d(3, channels, 3, stride: 2, padding: 1, bias: false),
            nn.BatchNorm2d(channels),
            nn.ReLU(),
            nn.MaxPool2d(2));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _layers.forward(input);
}
