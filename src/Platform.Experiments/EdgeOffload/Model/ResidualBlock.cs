using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>A ResNet basic block: two 3x3 convs with BN and a projection shortcut when the shape changes.</summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _main;
    private readonly nn.Module<Tensor, Tensor> _shortcut;

    public ResidualBlock(int inChannels, int outChannels, int stride = 1) : base(nameof(ResidualBlock))
    {
        _main = nn.Sequential(
            nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false),
            nn.BatchNorm2d(outChannels),
            nn.ReLU(),
            nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false),
            nn.BatchNorm2d(outChannels));
        _shortcut = inChannels == outChannels && stride == 1
            ? nn.Identity()
            : nn.Sequential(nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), nn.BatchNorm2d(outChannels));
        RegisterComponents();
    }

    /// <summary>A stage of <paramref name="blocks"/> blocks, the first changing the width and stride (as ResNet's layer1-4).</summary>
    public static nn.Module<Tensor, Tensor> Stage(int inChannels, int outChannels, int blocks, int stride) =>
        nn.Sequential([.. Enumerable.Range(0, blocks).Select(i =>
            (nn.Module<Tensor, Tensor>)new ResidualBlock(i == 0 ? inChannels : outChannels, outChannels, i == 0 ? stride : 1))]);

    public override Tensor forward(Tensor input)
    {
        using var main = _main.forward(input);
        using var shortcut = _shortcut.forward(input);
        return nn.functional.relu(main + shortcut);
    }
}
