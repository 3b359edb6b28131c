using System.Runtime.InteropServices;
using Platform.Experiments.RealData;

namespace Platform.Experiments.EdgeOffload.Pretrained;

/// <summary>
/// Reads ModelProto.graph from an ONNX file (nodes, float initializers, inputs, outputs) and nothing else: no
/// generated code, no external data, no sparse tensors, no sub-graphs. The file is read whole after its size is
/// checked against a cap, and every tensor is allocated only once its byte length has been checked against what
/// its message holds and against the element count its dims give.
/// </summary>
public static class OnnxReader
{
    /// <summary>ImageNet ResNet-18 is 64 MB; a cap of twice that refuses a wrong file before it is read.</summary>
    public const long DefaultMaxBytes = 128L << 20;

    private const int FloatType = 1;

    public static OnnxGraph Read(string path, long maxBytes = DefaultMaxBytes) => Parse(BoundedFile.Read(path, maxBytes), path);

    public static OnnxGraph Parse(ReadOnlySpan<byte> bytes, string source)
    {
        var model = new ProtoReader(bytes, source);
        OnnxGraph? graph = null;
        while (!model.AtEnd)
        {
            var (field, wire) = model.ReadTag();
            if (field == 7 && wire == ProtoReader.LengthDelimited)
            {
                if (graph is not null)
                {
                    throw model.Malformed("the model holds two graphs");
                }
                var message = model.ReadMessage();
                graph = ReadGraph(ref message);
            }
            else
            {
                model.Skip(wire);
            }
        }
        return graph ?? throw new MalformedDataException(source, "no graph: not an ONNX model.");
    }

    private static OnnxGraph ReadGraph(ref ProtoReader graph)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new Dictionary<string, OnnxTensor>();
        var inputs = new List<OnnxValue>();
        var outputs = new List<OnnxValue>();
        while (!graph.AtEnd)
        {
            var (field, wire) = graph.ReadTag();
            if (wire != ProtoReader.LengthDelimited)
            {
                graph.Skip(wire);
                continue;
            }
            var message = graph.ReadMessage();
            switch (field)
            {
                case 1:
                    nodes.Add(ReadNode(ref message));
                    break;
                case 5:
                    var tensor = ReadTensor(ref message);
                    if (!initializers.TryAdd(tensor.Name, tensor))
                    {
                        throw graph.Malformed($"two initializers are named {tensor.Name}");
                    }
                    break;
                case 11:
                    inputs.Add(ReadValue(ref message));
                    break;
                case 12:
                    outputs.Add(ReadValue(ref message));
                    break;
                case 15:
                    throw graph.Malformed("sparse initializers are not supported");
            }
        }
        return new OnnxGraph(nodes, initializers, inputs, outputs);
    }

    private static OnnxNode ReadNode(ref ProtoReader node)
    {
        var (name, opType) = ("", "");
        var (inputs, outputs) = (new List<string>(), new List<string>());
        var attributes = new Dictionary<string, OnnxAttribute>();
        while (!node.AtEnd)
        {
            var (field, wire) = node.ReadTag();
            switch (field, wire)
            {
                case (1, ProtoReader.LengthDelimited):
                    inputs.Add(node.ReadString());
                    break;
                case (2, ProtoReader.LengthDelimited):
                    outputs.Add(node.ReadString());
                    break;
                case (3, ProtoReader.LengthDelimited):
                    name = node.ReadString();
                    break;
                case (4, ProtoReader.LengthDelimited):
                    opType = node.ReadString();
                    break;
                case (5, ProtoReader.LengthDelimited):
                    var message = node.ReadMessage();
                    var attribute = ReadAttribute(ref message);
                    attributes[attribute.Name] = attribute;
                    break;
                default:
                    node.Skip(wire);
                    break;
            }
        }
        return new OnnxNode(name, opType, inputs, outputs, attributes);
    }

    private static OnnxAttribute ReadAttribute(ref ProtoReader attribute)
    {
        var (name, text, integer, single) = ("", "", 0L, 0f);
        var ints = new List<long>();
        while (!attribute.AtEnd)
        {
            var (field, wire) = attribute.ReadTag();
            switch (field, wire)
            {
                case (1, ProtoReader.LengthDelimited):
                    name = attribute.ReadString();
                    break;
                case (2, ProtoReader.Fixed32):
                    single = attribute.ReadFixed32Float();
                    break;
                case (3, ProtoReader.Varint):
                    integer = attribute.ReadInt64();
                    break;
                case (4, ProtoReader.LengthDelimited):
                    text = attribute.ReadString();
                    break;
                case (5 or 6 or 10 or 11, _):
                    throw attribute.Malformed($"attribute {name} holds a tensor or a graph, which this reader does not support");
                case (8, ProtoReader.Varint):
                    ints.Add(attribute.ReadInt64());
                    break;
                case (8, ProtoReader.LengthDelimited):
                    var packed = attribute.ReadMessage();
                    while (!packed.AtEnd)
                    {
                        ints.Add(packed.ReadInt64());
                    }
                    break;
                default:
                    attribute.Skip(wire);
                    break;
            }
        }
        return new OnnxAttribute(name, integer, single, [.. ints], text);
    }

    private static OnnxTensor ReadTensor(ref ProtoReader tensor)
    {
        var name = "";
        var dims = new List<long>();
        var dataType = 0L;
        float[]? values = null;
        while (!tensor.AtEnd)
        {
            var (field, wire) = tensor.ReadTag();
            switch (field, wire)
            {
                case (1, ProtoReader.Varint):
                    dims.Add(tensor.ReadInt64());
                    break;
                case (1, ProtoReader.LengthDelimited):
                    var packed = tensor.ReadMessage();
                    while (!packed.AtEnd)
                    {
                        dims.Add(packed.ReadInt64());
                    }
                    break;
                case (2, ProtoReader.Varint):
                    dataType = tensor.ReadInt64();
                    break;
                case (4 or 9, ProtoReader.LengthDelimited):
                    if (values is not null)
                    {
                        throw tensor.Malformed($"tensor {name} holds its values twice");
                    }
                    values = Floats(ref tensor, name);
                    break;
                case (4, ProtoReader.Fixed32):
                    throw tensor.Malformed($"tensor {name} stores unpacked floats, which this reader does not support");
                case (8, ProtoReader.LengthDelimited):
                    name = tensor.ReadString();
                    break;
                case (3 or 13 or 14, _):
                    throw tensor.Malformed($"tensor {name} is segmented or stored outside the file, which this reader does not support");
                default:
                    tensor.Skip(wire);
                    break;
            }
        }
        if (dataType != FloatType)
        {
            throw tensor.Malformed($"tensor {name} has data type {dataType}; only float32 (1) is supported");
        }
        values ??= [];
        if (ElementCount(dims, ref tensor, name) != values.Length)
        {
            throw tensor.Malformed($"tensor {name} has dims [{string.Join(", ", dims)}] but {values.Length} values");
        }
        return new OnnxTensor(name, [.. dims], values);
    }

    // raw_data and packed float_data are both little-endian float32s: the slice is inside the file, so its length bounds the array.
    private static float[] Floats(ref ProtoReader tensor, string name)
    {
        var bytes = tensor.ReadBytes();
        if (bytes.Length % sizeof(float) != 0)
        {
            throw tensor.Malformed($"tensor {name} holds {bytes.Length} bytes, not a whole number of float32s");
        }
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    private static long ElementCount(List<long> dims, ref ProtoReader tensor, string name)
    {
        var count = 1L;
        foreach (var dim in dims)
        {
            if (dim < 0 || (dim > 0 && count > long.MaxValue / dim))
            {
                throw tensor.Malformed($"tensor {name} has dims [{string.Join(", ", dims)}], not a valid shape");
            }
            count *= dim;
        }
        return count;
    }

    private static OnnxValue ReadValue(ref ProtoReader value)
    {
        var name = "";
        var shape = new List<long>();
        while (!value.AtEnd)
        {
            var (field, wire) = value.ReadTag();
            if (field == 1 && wire == ProtoReader.LengthDelimited)
            {
                name = value.ReadString();
            }
            else if (field == 2 && wire == ProtoReader.LengthDelimited)
            {
                var type = value.ReadMessage();
                ReadShape(ref type, shape);
            }
            else
            {
                value.Skip(wire);
            }
        }
        return new OnnxValue(name, [.. shape]);
    }

    // TypeProto.tensor_type (1) → shape (2) → dim (1) → dim_value (1) or dim_param (2, read as -1).
    private static void ReadShape(ref ProtoReader type, List<long> shape)
    {
        foreach (var path in new[] { 1, 2 })
        {
            if (!Descend(ref type, path))
            {
                return;
            }
        }
        while (!type.AtEnd)
        {
            var (field, wire) = type.ReadTag();
            if (field != 1 || wire != ProtoReader.LengthDelimited)
            {
                type.Skip(wire);
                continue;
            }
            var dim = type.ReadMessage();
            var size = -1L;
            while (!dim.AtEnd)
            {
                var (dimField, dimWire) = dim.ReadTag();
                if (dimField == 1 && dimWire == ProtoReader.Varint)
                {
                    size = dim.ReadInt64();
                }
                else
                {
                    dim.Skip(dimWire);
                }
            }
            shape.Add(size);
        }
    }

    /// <summary>Moves <paramref name="reader"/> into the first sub-message with field number <paramref name="field"/>.</summary>
    private static bool Descend(ref ProtoReader reader, int field)
    {
        while (!reader.AtEnd)
        {
            var (f, wire) = reader.ReadTag();
            if (f == field && wire == ProtoReader.LengthDelimited)
            {
                reader = reader.ReadMessage();
                return true;
            }
            reader.Skip(wire);
        }
        return false;
    }
}
