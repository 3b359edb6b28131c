using Platform.Experiments.RealData;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Pretrained;

/// <summary>
/// Reads the export's preprocessing graph (ResNetPreprocess.onnx: split RGB, concatenate as BGR, subtract a mean
/// image) and averages its mean image per channel, for frames whose side is not the 224 it was made for.
/// </summary>
public static class ImageNetMean
{
    public static Tensor ChannelMeans(OnnxGraph preprocess, string source)
    {
        var ops = preprocess.Nodes.Select(n => n.OpType).ToArray();
        if (!ops.SequenceEqual(["Split", "Concat", "Sub"]))
        {
            throw new MalformedDataException(source, $"the preprocessing graph is [{string.Join(", ", ops)}]; expected Split, Concat (BGR), Sub.");
        }
        var sub = preprocess.Nodes[2];
        var image = sub.Inputs.Select(i => preprocess.Initializers.GetValueOrDefault(i)).SingleOrDefault(t => t is not null);
        if (image is null || image.Dims.Length != 4 || image.Dims[0] != 1 || image.Dims[1] != 3)
        {
            throw new MalformedDataException(source, "the preprocessing graph subtracts no [1, 3, H, W] mean image.");
        }
        var plane = (int)(image.Dims[2] * image.Dims[3]);
        var means = Enumerable.Range(0, 3).Select(c => (float)image.Values.AsSpan(c * plane, plane).ToArray().Average(v => (double)v)).ToArray();
        return tensor(means, [1, 3, 1, 1]);
    }
}
