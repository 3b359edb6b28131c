using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Detection;
using Platform.Experiments.EdgeOffload.Model;
using Platform.UnitTests.Support;
using TorchSharp;

namespace Platform.UnitTests.EdgeOffload;

[Collection(LibTorchCollection.Name)]
public sealed class NaiveSplitTests
{
    private static readonly DetectorShape s_shape = new(ImageSize: 32, Classes: 2);

    [Fact]
    public void A_split_without_a_bottleneck_reproduces_the_teachers_outputs_through_its_message()
    {
        torch.manual_seed(6);
        var teacher = new TinyDetector(s_shape);
        teacher.eval();
        var split = new NaiveSplit(teacher);
        var frames = new FrameGenerator(new FrameSpec(32, 2, 2, 0.5, Distractors: true, PixelNoise: 0.03), seed: 4).Take(3);
        using var noGrad = torch.no_grad();
        using var images = FrameBatch.ToTensor(frames, 0, 3);

        var message = split.Head(images);
        using var received = split.Tail(message);
        using var direct = teacher.forward(images);

        using var difference = (direct - received).abs().max();
        Assert.Equal(0f, difference.item<float>());
        Assert.Equal(CenterNetDecoder.Decode(direct, 2).SelectMany(d => d), CenterNetDecoder.Decode(received, 2).SelectMany(d => d));
        // The message is L1 itself as float32 plus its shape: larger than the 8-bit frame, the naive split's cost.
        Assert.True(message.Length > s_shape.L1Elements * 3 * sizeof(float), $"{message.Length} B");
        Assert.True(message.Length / 3 > 3 * 32 * 32, $"{message.Length / 3} B per frame");
    }
}
