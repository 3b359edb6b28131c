using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>
/// A small LLaMA-style decoder (RMSNorm, RoPE, grouped-query attention, SwiGLU) with random weights from the run's seed:
/// throughput does not depend on what the weights say. A layer is exposed as three stages, KQV, attention and O+FFN, so
/// a scheduler can overlap one nano-batch's attention with another's GEMMs. Stages are synchronous, own their dispose
/// scope and return detached tensors the caller disposes, so they may run on any thread.
/// </summary>
public sealed partial class TinyDecoder : IDisposable
{
    private const double NormEpsilon = 1e-6;
    private const double RopeBase = 10000;

    private readonly DecoderLayerWeights[] _layers;
    private readonly Tensor _embedding;
    private readonly Tensor _finalNorm;
    private readonly Tensor _lmHead;
    private readonly Tensor _cos;
    private readonly Tensor _sin;

    public TinyDecoder(TinyDecoderConfig config, long seed)
    {
        Config = config;
        using var generator = new Generator(unchecked((ulong)seed));
        _embedding = torch.randn([config.Vocab, config.Dim], dtype: config.DType, generator: generator);
        _layers = [.. Enumerable.Range(0, config.Layers).Select(_ => new DecoderLayerWeights(config, generator))];
        _finalNorm = torch.ones(config.Dim, config.DType);
        _lmHead = DecoderLayerWeights.Init([config.Dim, config.Vocab], config, generator);
        (_cos, _sin) = RopeTables(config);
    }

    public TinyDecoderConfig Config { get; }

    public Tensor Embed(IReadOnlyList<Segment> segments)
    {
        using var scope = torch.NewDisposeScope();
        var ids = torch.tensor(segments.SelectMany(s => s.Tokens).Select(t => (long)t).ToArray());
        return _embedding.index_select(0, ids).MoveToOuterDisposeScope();
    }

    /// <summary>Norm, fused KQV projection, RoPE; writes K and V into each request's cache and returns Q [T, heads, head dim].</summary>
    public Tensor Kqv(int layer, Tensor x, IReadOnlyList<Segment> segments, OpTimes times)
    {
        var started = Stopwatch.GetTimestamp();
        using var scope = torch.NewDisposeScope();
        var weights = _layers[layer];
        var tokens = x.shape[0];
        var qkv = RmsNorm(x, weights.AttentionNorm).matmul(weights.Kqv);
        var positions = torch.tensor(segments.SelectMany(s => Enumerable.Range(s.Position, s.Tokens.Length)).Select(p => (long)p).ToArray());
        var q = Rotate(qkv.narrow(1, 0, Config.Dim).view(tokens, Config.Heads, Config.HeadDim), positions);
        var k = Rotate(qkv.narrow(1, Config.Dim, Config.KvDim).view(tokens, Config.KvHeads, Config.HeadDim), positions);
        var v = qkv.narrow(1, Config.Dim + Config.KvDim, Config.KvDim).view(tokens, Config.KvHeads, Config.HeadDim);
        var offset = 0;
        foreach (var segment in segments)
        {
            var length = segment.Tokens.Length;
            segment.Request.Cache!.Write(layer, segment.Position, k.narrow(0, offset, length), v.narrow(0, offset, length));
            offset += length;
        }

        var result = q.contiguous().MoveToOuterDisposeScope();
        times.Add("kqv", started);
        return result;
    }

    /// <summary>Attention of each segment over its request's cache (causal inside a prompt chunk); returns [T, dim].</summary>
    public Tensor Attend(int layer, Tensor q, IReadOnlyList<Segment> segments, OpTimes times)
    {
        using var scope = torch.NewDisposeScope();
        var outputs = new List<Tensor>(segments.Count);
        var offset = 0;
        foreach (var segment in segments)
        {
            var started = Stopwatch.GetTimestamp();
            var length = segment.Tokens.Length;
            outputs.Add(AttendSegment(layer, q.narrow(0, offset, length), segment));
            times.Add(segment.IsDecode ? "attention-decode" : "attention-prefill", started);
            offset += length;
        }

        return torch.cat(outputs, 0).MoveToOuterDisposeScope();
    }

    /// <summary>O projection and residual, then norm, SwiGLU FFN and residual: the layer's output [T, dim].</summary>
    public Tensor OutputAndFfn(int layer, Tensor x, Tensor attention, OpTimes times)
    {
        using var scope = torch.NewDisposeScope();
        var weights = _layers[layer];
        var started = Stopwatch.GetTimestamp();
        var mixed = x + attention.matmul(weights.Output);
        times.Add("o", started);

        started = Stopwatch.GetTimestamp();
        var upGate = RmsNorm(mixed, weights.FfnNorm).matmul(weights.UpGate);
        var gate = upGate.narrow(1, 0, Config.Ffn);
        var up = upGate.narrow(1, Config.Ffn, Config.Ffn);
        var activated = torch.nn.functional.silu(gate) * up;
        times.Add("up-gate", started);

        started = Stopwatch.GetTimestamp();
        var result = (mixed + activated.matmul(weights.Down)).MoveToOuterDisposeScope();
        times.Add("down", started);
        return result;
    }

    /// <summary>Greedy next tokens of the sampling segments, in batch order.</summary>
    public int[] Sample(Tensor x, IReadOnlyList<Segment> segments, OpTimes times)
    {
        var started = Stopwatch.GetTimestamp();
        using var scope = torch.NewDisposeScope();
        var rows = new List<long>();
        var offset = 0;
        foreach (var segment in segments)
        {
            offset += segment.Tokens.Length;
            if (segment.Samples)
            {
                rows.Add(offset - 1);
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var last = x.index_select(0, torch.tensor(rows.ToArray()));
        var next = RmsNorm(last, _finalNorm).matmul(_lmHead).argmax(-1);
        var tokens = next.data<long>().Select(t => (int)t).ToArray();
        times.Add("lm-head", started);
        return tokens;
    }

    public void Dispose()
    {
        foreach (var layer in _layers)
        {
            layer.Dispose();
        }

        _embedding.Dispose();
        _finalNorm.Dispose();
        _lmHead.Dispose();
        _cos.Dispose();
        _sin.Dispose();
    }
}
