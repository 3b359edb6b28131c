using Microsoft.ML.OnnxRuntime;
using DenseTensor = Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>;
using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Pretrained;
using Platform.UnitTests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.UnitTests.EdgeOffload;

/// <summary>
/// The TorchSharp ResNet-18 built from the ONNX file's initializers against ONNX Runtime running the file itself, on
/// the same inputs: the pooled features and the layer1 and layer3 outputs (added to the graph's outputs for ONNX Runtime).
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class ResNet18ConversionTests
{
    private const int Side = 224;
    private const double Tolerance = 1e-4;

    // ONNX names of the ReLU ending layer1 and layer3 in ML.NET's export.
    private static readonly string[] s_stageOutputs = ["ReLU283_Output_0", "ReLU347_Output_0"];

    private static readonly Lazy<ResNet18> s_network = new(() => ResNet18Onnx.Load(PretrainedFiles.Default));

    [Fact]
    public void Random_frames_give_ONNX_Runtimes_features_and_stage_outputs()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 2; trial++)
        {
            var frame = Enumerable.Range(0, 3 * Side * Side).Select(_ => random.NextSingle()).ToArray();
            AssertMatches(frame);
        }
    }

    [Fact]
    public void A_real_photograph_gives_ONNX_Runtimes_features_and_stage_outputs()
    {
        var photo = RealScenes.ShippedPhotographs()[0];
        AssertMatches(photo.Crop(100, 0, photo.Height, Side));
    }

    private static void AssertMatches(float[] rgb)
    {
        var network = s_network.Value;
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var frames = torch.tensor(rgb, [1, 3, Side, Side]) - 0.5f;
        var stages = network.Stages(frames);
        var features = network.forward(frames);
        var expected = RunOnnxRuntime(OnnxInput(rgb, network), [.. s_stageOutputs, "Pooling395_Output_0"]);

        Assert.True(features.abs().max().item<float>() > 0.1f, "the features are all near zero: nothing was compared");
        AssertClose(expected[2], features, "pooled features");
        AssertClose(expected[0], stages[1], "layer1 output");
        AssertClose(expected[1], stages[3], "layer3 output");
    }

    private static void AssertClose(float[] expected, Tensor actual, string what)
    {
        var values = actual.contiguous().data<float>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        var maxDifference = expected.Zip(values, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(maxDifference < Tolerance, $"{what}: max |TorchSharp - ONNX Runtime| = {maxDifference:G3}, above {Tolerance}");
    }

    // What the ONNX graph reads: BGR in [0, 255] minus the network's ImageNet channel means, computed here independently.
    private static float[] OnnxInput(float[] rgb, ResNet18 network)
    {
        var mean = network.Stem.modules().OfType<ImageNetInput>().Single().Mean.data<float>().ToArray();
        var plane = Side * Side;
        var input = new float[3 * plane];
        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < plane; i++)
            {
                input[(c * plane) + i] = (rgb[((2 - c) * plane) + i] * 255f) - mean[c];
            }
        }
        return input;
    }

    private static float[][] RunOnnxRuntime(float[] input, string[] outputs)
    {
        using var session = new InferenceSession(WithOutputs(File.ReadAllBytes(PretrainedFiles.Default.ResNet18), outputs[..^1]));
        var inputName = session.InputMetadata.Keys.Single();
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor(input, [1, 3, Side, Side]))], outputs);
        return [.. outputs.Select(name => results.Single(r => r.Name == name).AsEnumerable<float>().ToArray())];
    }

    /// <summary>
    /// Appends a second ModelProto.graph holding only extra outputs: protobuf merges repeated occurrences of a message
    /// field, so ONNX Runtime sees the graph with these intermediate values as outputs too.
    /// </summary>
    private static byte[] WithOutputs(byte[] model, IEnumerable<string> names)
    {
        var graph = new List<byte>();
        foreach (var name in names)
        {
            var nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
            // ValueInfoProto { name = 1; type = 2 { tensor_type = 1 { elem_type = 1 (float) } } }
            byte[] valueInfo = [0x0A, .. Varint(nameBytes.Length), .. nameBytes, 0x12, 0x04, 0x0A, 0x02, 0x08, 0x01];
            graph.AddRange([0x62, .. Varint(valueInfo.Length), .. valueInfo]);
        }
        return [.. model, 0x3A, .. Varint(graph.Count), .. graph];
    }

    private static byte[] Varint(int value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }
}
