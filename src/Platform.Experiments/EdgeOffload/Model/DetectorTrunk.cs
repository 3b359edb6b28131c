using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>
/// Everything after L1: L2, L3, an FPN-like neck at stride 8 and a CenterNet head. The teacher and its students
/// share one instance, frozen while students are distilled, so it runs on the edge server unchanged.
/// </summary>
public sealed class DetectorTrunk : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _layer2;
    private readonly nn.Module<Tensor, Tensor> _layer3;
    private readonly nn.Module<Tensor, Tensor> _lateral2;
    private readonly nn.Module<Tensor, Tensor> _lateral3;
    private readonly nn.Module<Tensor, Tensor> _head;

    public DetectorTrunk(DetectorShape shape) : base(nameof(DetectorTrunk))
    {
        // The tiny backbone's stages are single blocks, kept as such so cached teachers' weight names stay valid.
        _layer2 = shape.BlocksPerStage == 1 ? new ResidualBlock(shape.L1Channels, shape.L2Channels, stride: 2)
            : ResidualBlock.Stage(shape.L1Channels, shape.L2Channels, shape.BlocksPerStage, stride: 2);
        _layer3 = shape.BlocksPerStage == 1 ? new ResidualBlock(shape.L2Channels, shape.L3Channels, stride: 2)
            : ResidualBlock.Stage(shape.L2Channels, shape.L3Channels, shape.BlocksPerStage, stride: 2);
        _lateral2 = nn.Conv2d(shape.L2Channels, shape.NeckChannels, 1);
        _lateral3 = nn.Conv2d(shape.L3Channels, shape.NeckChannels, 1);
        _head = nn.Sequential(
            nn.Conv2d(shape.NeckChannels, shape.NeckChannels, 3, padding: 1),
            nn.ReLU(),
            nn.Conv2d(shape.NeckChannels, shape.HeadChannels, 1));
        RegisterComponents();
        InitialiseHeatmapBias(shape.Classes);
    }

    public override Tensor forward(Tensor l1)
    {
        var outputs = Run(l1);
        outputs.L2.Dispose();
        outputs.L3.Dispose();
        return outputs.Head;
    }

    public nn.Module<Tensor, Tensor> Layer2 => _layer2;

    public nn.Module<Tensor, Tensor> Layer3 => _layer3;

    public TrunkOutputs Run(Tensor l1)
    {
        var l2 = _layer2.forward(l1);
        var l3 = _layer3.forward(l2);
        return new TrunkOutputs(l2, l3, HeadFrom(l2, l3));
    }

    /// <summary>The neck and head alone: what a teacher on a frozen backbone trains, from its cached L2 and L3.</summary>
    public Tensor HeadFrom(Tensor l2, Tensor l3)
    {
        using var lateral2 = _lateral2.forward(l2);
        using var lateral3 = _lateral3.forward(l3);
        using var upsampled = nn.functional.interpolate(lateral3, scale_factor: [2.0, 2.0], mode: InterpolationMode.Nearest);
        using var sum = lateral2 + upsampled;
        using var neck = nn.functional.relu(sum);
        return _head.forward(neck);
    }

    /// <summary>The layers a teacher on a frozen pre-trained backbone trains: the laterals and the head.</summary>
    public IEnumerable<TorchSharp.Modules.Parameter> HeadParameters() =>
        _lateral2.parameters().Concat(_lateral3.parameters()).Concat(_head.parameters());

    // CenterNet's prior: heatmaps start near p = 0.1 so the focal loss of the many empty cells does not swamp training.
    private void InitialiseHeatmapBias(int classes)
    {
        using var noGrad = torch.no_grad();
        var last = _head.modules().OfType<TorchSharp.Modules.Conv2d>().Last();
        last.bias![TensorIndex.Slice(0, classes)].fill_(-2.19);
    }
}
