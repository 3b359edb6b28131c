using Platform.Experiments.EdgeOffload.Pretrained;
using Platform.Experiments.RealData;

namespace Platform.UnitTests.EdgeOffload;

/// <summary>The bounded ONNX reader on the real file, a truncated copy and crafted files: it refuses before it allocates.</summary>
public sealed class OnnxReaderTests
{
    [Fact]
    public void The_real_file_gives_ResNet18s_nodes_initializers_and_input()
    {
        var graph = OnnxReader.Read(PretrainedFiles.Default.ResNet18);

        Assert.Equal([1L, 3, 224, 224], Assert.Single(graph.Inputs).Shape);
        Assert.Equal(new long[] { 64, 3, 7, 7 }, graph.Initializers[graph.Nodes[0].Inputs[1]].Dims);
        // 1 stem + 4 + 5 + 5 in layer1-3 + 7 in this export's three-block layer4.
        Assert.Equal(22, graph.Nodes.Count(n => n.OpType == "Conv"));
        Assert.Equal(graph.Nodes.Count(n => n.OpType == "Conv"), graph.Nodes.Count(n => n.OpType == "BatchNormalization"));
    }

    [Fact]
    public void A_truncated_file_is_refused_naming_the_problem()
    {
        var bytes = File.ReadAllBytes(PretrainedFiles.Default.ResNet18);

        var error = Assert.Throws<MalformedDataException>(() => OnnxReader.Parse(bytes.AsSpan(0, bytes.Length / 2), "half.onnx"));

        Assert.Contains("half.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains("bytes but only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tensor_claiming_more_bytes_than_the_file_holds_is_refused_before_allocating()
    {
        // graph { initializer { name "w"; data_type 1; raw_data: length 2^40, then 4 bytes } }
        byte[] tensor = [0x42, 0x01, (byte)'w', 0x10, 0x01, 0x4A, .. Varint(1L << 40), 1, 2, 3, 4];
        byte[] model = [0x3A, .. Varint(tensor.Length + 2), 0x2A, .. Varint(tensor.Length), .. tensor];
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<MalformedDataException>(() => OnnxReader.Parse(model, "crafted.onnx"));

        Assert.Contains("claims 1099511627776 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "the reader allocated for the claimed length");
    }

    [Fact]
    public void Dims_that_disagree_with_the_values_are_refused()
    {
        // initializer { dims [1000, 1000]; data_type 1; name "w"; raw_data 8 bytes }
        byte[] tensor = [0x0A, .. Varint(4), .. Varint(1000), .. Varint(1000), 0x10, 0x01, 0x42, 0x01, (byte)'w', 0x4A, 0x08, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] model = [0x3A, .. Varint(tensor.Length + 2), 0x2A, .. Varint(tensor.Length), .. tensor];

        var error = Assert.Throws<MalformedDataException>(() => OnnxReader.Parse(model, "crafted.onnx"));

        Assert.Contains("dims [1000, 1000] but 2 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_larger_than_the_cap_is_refused_before_it_is_read()
    {
        var error = Assert.Throws<MalformedDataException>(() => OnnxReader.Read(PretrainedFiles.Default.ResNet18, maxBytes: 1 << 20));

        Assert.Contains("more than the 1048576", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Varint(long value)
    {
        var bytes = new List<byte>();
        var v = (ulong)value;
        do
        {
            var b = (byte)(v & 0x7f);
            v >>= 7;
            bytes.Add(v == 0 ? b : (byte)(b | 0x80));
        }
        while (v != 0);
        return [.. bytes];
    }
}
