using Platform.Experiments.EdgeOffload.Model;
using Platform.Experiments.RealData;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Pretrained;

/// <summary>
/// Builds <see cref="ResNet18"/> from ML.NET's ONNX export by walking its graph from the input: stem (Conv, BN, Relu,
/// MaxPool), then per basic block Conv, BN, Relu, Conv, BN, Add (with the block's input or a 1x1 Conv + BN shortcut),
/// Relu, and finally the average pool. Each Conv's kernel, stride, padding and group and each BN's epsilon are checked
/// against the TorchSharp layer it fills, each weight's shape against that layer's; anything else is refused with
/// the node's name. The export keeps BatchNormalization as separate nodes (nothing is folded into the convs), and its
/// layer4 has three blocks where torchvision's has two (see <see cref="ResNet18.BlocksPerStage"/>).
/// </summary>
public static class ResNet18Onnx
{

    public static ResNet18 Load(PretrainedFiles files) =>
        Load(OnnxReader.Read(files.ResNet18), OnnxReader.Read(files.Preprocess), files.ResNet18);

    public static ResNet18 Load(OnnxGraph model, OnnxGraph preprocess, string source)
    {
        var walker = new GraphWalker(model, source);
        var layers = walker.Walk();
        var network = new ResNet18();
        var targets = network.modules().OfType<Conv2d>().Zip(network.modules().OfType<BatchNorm2d>()).ToList();
        if (targets.Count != layers.Count)
        {
            throw new MalformedDataException(source, $"the graph has {layers.Count} convolutions with batch norm; ResNet-18 has {targets.Count}.");
        }
        using (torch.no_grad())
        {
            foreach (var ((conv, norm), layer) in targets.Zip(layers))
            {
                layer.CopyInto(conv, norm, model, source);
            }
            var mean = ImageNetMean.ChannelMeans(preprocess, source);
            network.Stem.modules().OfType<ImageNetInput>().Single().Mean.copy_(mean);
        }
        network.eval();
        return network;
    }

    /// <summary>Follows the values from the graph input, one ResNet block at a time.</summary>
    private sealed class GraphWalker(OnnxGraph graph, string source)
    {
        private readonly List<ConvNorm> _layers = [];

        public IReadOnlyList<ConvNorm> Walk()
        {
            var inputs = graph.Inputs.Where(i => !graph.Initializers.ContainsKey(i.Name)).ToList();
            if (inputs.Count != 1)
            {
                throw Fail($"the graph has {inputs.Count} data inputs; ResNet-18 has one");
            }
            var x = Next(ConvNorm(inputs[0].Name, kernel: 7, stride: 2, padding: 3), "Relu");
            var pool = Single(x, "MaxPool");
            Expect(pool, "kernel_shape", [3, 3]);
            Expect(pool, "strides", [2, 2]);
            x = pool.Outputs[0];
            for (var stage = 0; stage < ResNet18.BlocksPerStage.Length; stage++)
            {
                for (var block = 0; block < ResNet18.BlocksPerStage[stage]; block++)
                {
                    x = Block(x, downsample: stage > 0 && block == 0);
                }
            }
            Single(x, "AveragePool");
            return _layers;
        }

        private string Block(string input, bool downsample)
        {
            var convs = graph.ConsumersOf(input).Where(n => n.OpType == "Conv").ToList();
            var shortcutConv = convs.SingleOrDefault(c => c.Ints("kernel_shape").SequenceEqual([1L, 1L]));
            if (convs.Count != (downsample ? 2 : 1) || (downsample && shortcutConv is null))
            {
                throw Fail($"block input {input} feeds {convs.Count} convolutions; expected {(downsample ? "a 3x3 and a 1x1 shortcut" : "one 3x3")}");
            }
            var stride = downsample ? 2 : 1;
            var main = convs.Single(c => c != shortcutConv);
            var first = Next(ConvNorm(main, kernel: 3, stride, padding: 1), "Relu");
            var second = ConvNorm(Single(first, "Conv"), kernel: 3, stride: 1, padding: 1);
            var shortcut = shortcutConv is null ? input : ConvNorm(shortcutConv, kernel: 1, stride, padding: 0);
            var add = Single(second, "Add");
            if (!add.Inputs.Contains(shortcut))
            {
                throw Fail($"{add.Name} does not add the block's shortcut {shortcut}");
            }
            return Next(add.Outputs[0], "Relu");
        }

        private string ConvNorm(string input, int kernel, int stride, int padding) =>
            ConvNorm(Single(input, "Conv"), kernel, stride, padding);

        /// <summary>Checks a Conv and the BN after it, records both, returns the BN's output.</summary>
        private string ConvNorm(OnnxNode conv, int kernel, int stride, int padding)
        {
            Expect(conv, "kernel_shape", [kernel, kernel]);
            Expect(conv, "strides", [stride, stride]);
            if (conv.Int("group", 1) != 1 || conv.Ints("dilations").Any(d => d != 1) || conv.Inputs.Count != 2)
            {
                throw Fail($"{conv.Name} is grouped, dilated or has a bias; ResNet-18's convolutions have none of these");
            }
            // ONNX pads are [top, left, bottom, right]. The begin pads must be PyTorch's; a smaller end pad (this
            // export has some) gives the same output on even sides, where the last window never reaches it.
            var pads = conv.Ints("pads");
            if (pads.Length != 4 || pads[0] != padding || pads[1] != padding || pads[2] > padding || pads[3] > padding)
            {
                throw Fail($"{conv.Name} pads [{string.Join(", ", pads)}]; expected {padding} before each axis");
            }
            var norm = Single(conv.Outputs[0], "BatchNormalization");
            if (norm.Inputs.Count != 5)
            {
                throw Fail($"{norm.Name} has {norm.Inputs.Count} inputs; expected scale, bias, mean and variance");
            }
            _layers.Add(new ConvNorm(conv, norm));
            return norm.Outputs[0];
        }

        private string Next(string value, string opType) => Single(value, opType).Outputs[0];

        private OnnxNode Single(string value, string opType)
        {
            var consumers = graph.ConsumersOf(value);
            return consumers.Count == 1 && consumers[0].OpType == opType ? consumers[0]
                : throw Fail($"{value} feeds [{string.Join(", ", consumers.Select(c => c.OpType))}]; expected one {opType}");
        }

        private void Expect(OnnxNode node, string attribute, long[] expected)
        {
            if (!node.Ints(attribute).SequenceEqual(expected))
            {
                throw Fail($"{node.Name} has {attribute} [{string.Join(", ", node.Ints(attribute))}]; expected [{string.Join(", ", expected)}]");
            }
        }

        private MalformedDataException Fail(string problem) => new(source, $"not the ResNet-18 this converter knows: {problem}.");
    }

    /// <summary>A Conv node and the BatchNormalization after it, copied into a TorchSharp conv and BN.</summary>
    private sealed record ConvNorm(OnnxNode Conv, OnnxNode Norm)
    {
        // TorchSharp's BatchNorm2d default; the export's 1e-5 is stored as the nearest float.
        private const double Epsilon = 1e-5;

        public void CopyInto(Conv2d conv, BatchNorm2d norm, OnnxGraph graph, string source)
        {
            if (Math.Abs(Norm.Float("epsilon", 1e-5f) - Epsilon) > 1e-9)
            {
                throw new MalformedDataException(source, $"{Norm.Name} has epsilon {Norm.Float("epsilon", 0)}; expected {Epsilon}.");
            }
            Copy(graph, Conv.Inputs[1], conv.weight!, source);
            Copy(graph, Norm.Inputs[1], norm.weight!, source);
            Copy(graph, Norm.Inputs[2], norm.bias!, source);
            Copy(graph, Norm.Inputs[3], norm.running_mean!, source);
            Copy(graph, Norm.Inputs[4], norm.running_var!, source);
        }

        private static void Copy(OnnxGraph graph, string name, Tensor target, string source)
        {
            if (!graph.Initializers.TryGetValue(name, out var tensor))
            {
                throw new MalformedDataException(source, $"{name} is not an initializer.");
            }
            if (!tensor.Dims.SequenceEqual(target.shape))
            {
                throw new MalformedDataException(source,
                    $"{name} has shape [{string.Join(", ", tensor.Dims)}]; its layer needs [{string.Join(", ", target.shape)}].");
            }
            using var values = torch.tensor(tensor.Values, target.shape);
            target.copy_(values);
        }
    }
}
