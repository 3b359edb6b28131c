namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// Builds the nano-op graph of <c>layers</c> consecutive decoder layers for one pipeline shape, per GPU of the tensor-
/// parallel group. Ops are emitted in one global topological order; each stream runs its ops in that order, which keeps
/// any stream assignment free of deadlock. The order follows the authors' 70B pipeline: KQV and attention nano-ops per
/// nano-batch, then O and its collective per nano-batch, then the FFN per nano-batch, whose all-reduce hides under the
/// next layer's KQV.
/// </summary>
public sealed class LayerGraphBuilder
{
    public const int ComputeStream = 0;
    public const int MemoryStream = 1;
    public const int NetworkStream = 2;

    private readonly PipelineShape _shape;
    private readonly IterationComposition _batch;
    private readonly OpCostModel _costs;
    private readonly List<NanoOp> _ops = [];

    private LayerGraphBuilder(PipelineShape shape, IterationComposition batch, OpCostModel costs)
    {
        _shape = shape;
        _batch = batch;
        _costs = costs;
    }

    public static IReadOnlyList<NanoOp> Build(PipelineShape shape, IterationComposition batch, OpCostModel costs, int layers)
    {
        var builder = new LayerGraphBuilder(shape, batch, costs);
        var layerEnds = new int?[shape.NanoBatches.Count];
        for (var layer = 0; layer < layers; layer++)
        {
            builder.AddLayer(layer, layerEnds);
        }
        return builder._ops;
    }

    private void AddLayer(int layer, int?[] layerEnds)
    {
        var ranges = Ranges(_shape.NanoBatches);
        var ops = new LayerOps(_costs, _batch);
        var attentionDone = new List<int>[ranges.Count];
        for (var j = 0; j < ranges.Count; j++)
        {
            var (start, end) = ranges[j];
            var norm = Add($"norm1.{j + 1}", layer, j, ops.Norm(end - start), layerEnds[j] is { } previous ? [previous] : []);
            attentionDone[j] = AddAttention(layer, j, start, end, norm, ops);
        }

        var mixed = new int[ranges.Count];
        for (var j = 0; j < ranges.Count; j++)
        {
            mixed[j] = AddOutputProjection(layer, j, ranges[j].End - ranges[j].Start, attentionDone[j], ops);
        }

        for (var j = 0; j < ranges.Count; j++)
        {
            var tokens = ranges[j].End - ranges[j].Start;
            var norm = Add($"norm2.{j + 1}", layer, j, ops.Norm(tokens), [mixed[j]]);
            var upGate = Add($"upgate.{j + 1}", layer, j, ops.UpGate(tokens), [norm]);
            var down = Add($"down.{j + 1}", layer, j, ops.Down(tokens), [upGate]);
            layerEnds[j] = ops.HasNetwork ? Add($"ar-ffn.{j + 1}", layer, j, ops.AllReduce(tokens), [down]) : down;
        }
    }

    private List<int> AddAttention(int layer, int j, int start, int end, int norm, LayerOps ops)
    {
        var done = new List<int>();
        var kqvs = new List<int>();
        foreach (var (subStart, subEnd) in Split(start, end, _shape.KqvSplits))
        {
            var name = $"{j + 1}{(char)('a' + kqvs.Count)}";
            var kqv = Add($"kqv.{name}", layer, j, ops.Kqv(subEnd - subStart), [norm]);
            kqvs.Add(kqv);
            var decode = _batch.DecodeIn(subStart, subEnd);
            if (decode > 0)
            {
                done.Add(Add($"attn-decode.{name}", layer, j, ops.DecodeAttention(decode), [kqv]));
            }

            var prefill = _batch.PrefillIn(subStart, subEnd);
            if (prefill > 0)
            {
                // A prefill chunk attends to its own earlier tokens, so it waits for every KQV of the nano-batch so far.
                done.Add(Add($"attn-prefill.{name}", layer, j, ops.PrefillAttention(prefill), [.. kqvs]));
            }
        }
        return done;
    }

    private int AddOutputProjection(int layer, int j, int tokens, List<int> attention, LayerOps ops)
    {
        if (!ops.HasNetwork)
        {
            return Add($"o.{j + 1}", layer, j, ops.OutputProjection(tokens), attention);
        }

        if (_shape.Variants[j] == CollectiveVariant.AllGather)
        {
            var gather = Add($"ag-attn.{j + 1}", layer, j, ops.AllGather(tokens), attention);
            var projection = Add($"o.{j + 1}", layer, j, ops.OutputProjection(tokens), [gather]);
            return Add($"ag-o.{j + 1}", layer, j, ops.AllGather(tokens), [projection]);
        }

        var o = Add($"o.{j + 1}", layer, j, ops.OutputProjection(tokens), attention);
        return Add($"ar-o.{j + 1}", layer, j, ops.AllReduce(tokens), [o]);
    }

    private int Add(string name, int layer, int nanoBatch, (OpClass Class, OpCost Cost) op, IReadOnlyList<int> deps)
    {
        var (stream, share) = !_shape.Overlap ? (ComputeStream, 1.0) : op.Class switch
        {
            OpClass.DecodeAttention => (MemoryStream, _shape.GemvShare),
            OpClass.Network => (NetworkStream, _shape.NetShare),
            _ => (ComputeStream, 1.0),
        };
        var id = _ops.Count;
        _ops.Add(new NanoOp(id, name, layer, nanoBatch, op.Class, stream, deps, op.Cost.SoloUs, share,
            op.Cost.Compute, op.Cost.Memory, op.Cost.Network));
        return id;
    }

    private static List<(int Start, int End)> Ranges(IReadOnlyList<int> sizes)
    {
        var ranges = new List<(int, int)>(sizes.Count);
        var start = 0;
        foreach (var size in sizes)
        {
            ranges.Add((start, start + size));
            start += size;
        }
        return ranges;
    }

    private static IEnumerable<(int Start, int End)> Split(int start, int end, int parts)
    {
        var count = Math.Min(parts, end - start);
        for (var i = 0; i < count; i++)
        {
            yield return (start + (end - start) * i / count, start + (end - start) * (i + 1) / count);
        }
    }
}
