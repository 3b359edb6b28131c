namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>
/// Widths of the tiny one-stage detector, scaled down from the paper's ResNet-50 + FPN so it trains on a CPU in
/// minutes. The stem and L1 work at stride 4 (the paper's split point), the detection head at stride 8.
/// </summary>
public sealed record DetectorShape(int ImageSize, int Classes, int StemChannels = 16, int L1Channels = 32,
    int L2Channels = 48, int L3Channels = 64, int NeckChannels = 48)
{
    public const int SplitStride = 4;
    public const int OutputStride = 8;

    /// <summary>Head channels: one heatmap per class, then box width, height and centre offsets x, y.</summary>
    public int HeadChannels => Classes + 4;

    public int SplitSide => ImageSize / SplitStride;

    public int OutputSide => ImageSize / OutputStride;

    /// <summary>Values in the L1 output, the tensor a naive split at L1 sends.</summary>
    public long L1Elements => (long)L1Channels * SplitSide * SplitSide;
}
