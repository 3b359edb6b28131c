using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Pretrained;

/// <summary>
/// From the detector's frames (RGB in [-0.5, 0.5]) to what the ONNX ResNet-18 was trained on: BGR in [0, 255] minus the
/// ImageNet mean. The export's own preprocessing subtracts a 224x224 mean image; frames of another size get its
/// per-channel average, loaded from that file into <see cref="Mean"/> (a buffer, so it travels with the weights).
/// </summary>
public sealed class ImageNetInput : nn.Module<Tensor, Tensor>
{
    private readonly Tensor mean;

    public ImageNetInput() : base(nameof(ImageNetInput))
    {
        mean = torch.zeros(1, 3, 1, 1);
        register_buffer(nameof(mean), mean);
    }

    /// <summary>Per-channel mean in BGR order, [1, 3, 1, 1].</summary>
    public Tensor Mean => mean;

    public override Tensor forward(Tensor frames)
    {
        using var bgr = frames.flip(1);
        using var shifted = bgr + 0.5;
        using var scaled = shifted * 255.0;
        return scaled - mean;
    }
}
