namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>
/// Widths of the one-stage detector. The tiny backbone is scaled down from the paper's ResNet-50 + FPN so it trains on
/// a CPU in minutes; the ResNet-18 one has the widths of ImageNet ResNet-18's stem and stages 1-3. Either way the stem
/// and L1 work at stride 4 (the paper's split point) and the detection head at stride 8.
/// </summary>
public sealed record DetectorShape(int ImageSize, int Classes, int StemChannels = 16, int L1Channels = 32,
    int L2Channels = 48, int L3Channels = 64, int NeckChannels = 48, DetectorBackbone Backbone = DetectorBackbone.Tiny)
{
    public const int SplitStride = 4;
    public const int OutputStride = 8;

    /// <summary>ResNet-18's widths (64, 64, 128, 256) with a 64-channel neck for the trained head.</summary>
    public static DetectorShape ResNet18(int imageSize, int classes) =>
        new(imageSize, classes, StemChannels: 64, L1Channels: 64, L2Channels: 128, L3Channels: 256, NeckChannels: 64,
            Backbone: DetectorBackbone.ResNet18);

    /// <summary>Residual blocks in L2 and L3: one in the tiny backbone, two (as in ResNet-18) in the pre-trained one.</summary>
    public int BlocksPerStage => Backbone == DetectorBackbone.ResNet18 ? 2 : 1;

    /// <summary>Head channels: one heatmap per class, then box width, height and centre offsets x, y.</summary>
    public int HeadChannels => Classes + 4;

    public int SplitSide => ImageSize / SplitStride;

    public int OutputSide => ImageSize / OutputStride;

    /// <summary>Values in the L1 output, the tensor a naive split at L1 sends.</summary>
    public long L1Elements => (long)L1Channels * SplitSide * SplitSide;
}
