namespace Platform.Experiments.EdgeOffload.Pretrained;

/// <summary>The part of an ONNX model a converter needs: the nodes in file order, the float initializers by name, the graph's inputs and outputs.</summary>
public sealed record OnnxGraph(
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyDictionary<string, OnnxTensor> Initializers,
    IReadOnlyList<OnnxValue> Inputs,
    IReadOnlyList<OnnxValue> Outputs)
{
    /// <summary>The nodes that read <paramref name="value"/>, in file order.</summary>
    public IReadOnlyList<OnnxNode> ConsumersOf(string value) => [.. Nodes.Where(n => n.Inputs.Contains(value))];
}

/// <summary>One operator: its type, the values it reads and writes, and its attributes.</summary>
public sealed record OnnxNode(string Name, string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs,
    IReadOnlyDictionary<string, OnnxAttribute> Attributes)
{
    public long[] Ints(string name) => Attributes.TryGetValue(name, out var a) ? a.Ints : [];

    public long Int(string name, long fallback) => Attributes.TryGetValue(name, out var a) ? a.Int : fallback;

    public float Float(string name, float fallback) => Attributes.TryGetValue(name, out var a) ? a.Float : fallback;

    public string Text(string name) => Attributes.TryGetValue(name, out var a) ? a.Text : "";
}

/// <summary>An attribute's value; only the kinds a convolutional network's operators use are read.</summary>
public sealed record OnnxAttribute(string Name, long Int, float Float, long[] Ints, string Text);

/// <summary>A float32 tensor with its shape (row-major, as ONNX stores it).</summary>
public sealed record OnnxTensor(string Name, long[] Dims, float[] Values);

/// <summary>A graph input or output: its name and shape (-1 where the dimension is symbolic).</summary>
public sealed record OnnxValue(string Name, long[] Shape);
