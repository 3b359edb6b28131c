using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>
/// The server-side half of the bottleneck: four unpadded 2x2 convs (each shrinks the side by 1) back to the
/// shape of the teacher's L1 output, so the frozen trunk can take it unchanged.
/// </summary>
public sealed class BottleneckDecoder : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _layers;

    public BottleneckDecoder(int bottleneckChannels, int stemChannels, int outChannels) : base(nameof(BottleneckDecoder))
    {
        _layers = nn.Sequential(
            nn.BatchNorm2d(bottleneckChannels),
            nn.ReLU(),
            nn.Conv2d(bottleneckChannels, stemChannels, 2, bias: false),
            nn.BatchNorm2d(stemChannels),
            nn.Conv2d(stemChannels, outChannels, 2, bias: false),
            nn.BatchNorm2d(outChannels),
            nn.ReLU(),
            nn.Conv2d(outChannels, outChannels, 2, bias: false),
            nn.BatchNorm2d(outChannels),
            nn.Conv2d(outChannels, outChannels, 2, bias: false),
            nn.BatchNorm2d(outChannels),
            nn.ReLU());
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _layers.forward(input);
}
