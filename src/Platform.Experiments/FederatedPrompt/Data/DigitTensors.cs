using Platform.Experiments.RealData;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Data;

/// <summary>
/// Real grey-scale digits as the ViT's input: 3 x 32 x 32, the grey value copied to every channel and centred as the
/// glyphs are (value - 0.5). MNIST's 28x28 (a 20x20 digit in a 28x28 frame) is padded by 2 on each side; scikit-learn's
/// 8x8 block counts are upscaled bilinearly, so its digits fill the frame and look blurred: part of the domain shift.
/// </summary>
public static class DigitTensors
{
    public const int Size = 32;

    public static ImageSet Of(DigitImages images, IReadOnlyList<int> indices)
    {
        using var scope = torch.NewDisposeScope();
        var side = images.Side;
        var pixels = new float[indices.Count * side * side];
        var labels = new long[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            images.Image(indices[i]).CopyTo(pixels.AsSpan(i * side * side, side * side));
            labels[i] = images.Labels[indices[i]];
        }

        var grey = torch.tensor(pixels, [indices.Count, 1, side, side]);
        var margin = (Size - side) / 2;
        var framed = side > Size / 2
            ? nn.functional.pad(grey, [margin, Size - side - margin, margin, Size - side - margin])
            : nn.functional.interpolate(grey, [Size, Size], mode: InterpolationMode.Bilinear, align_corners: false);
        return new ImageSet(framed.expand(-1, 3, -1, -1).contiguous() - 0.5f, torch.tensor(labels));
    }
}
