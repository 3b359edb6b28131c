using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>The decoder's building blocks: RMSNorm, rotary embeddings and grouped-query attention over a KV cache.</summary>
public sealed partial class TinyDecoder
{
    private static Tensor RmsNorm(Tensor x, Tensor gain) =>
        x * torch.rsqrt(x.pow(2).mean([-1L], keepdim: true) + NormEpsilon) * gain;

    private static (Tensor Cos, Tensor Sin) RopeTables(TinyDecoderConfig config)
    {
        using var scope = torch.NewDisposeScope();
        var half = config.HeadDim / 2;
        var frequencies = torch.pow(RopeBase, torch.arange(0, half, dtype: ScalarType.Float64) * (-2.0 / config.HeadDim));
        var angles = torch.outer(torch.arange(0, config.MaxContext, dtype: ScalarType.Float64), frequencies);
        return (angles.cos().to_type(config.DType).MoveToOuterDisposeScope(), angles.sin().to_type(config.DType).MoveToOuterDisposeScope());
    }

    /// <summary>Rotate-half RoPE of x [T, heads, head dim] at the given absolute positions.</summary>
    private Tensor Rotate(Tensor x, Tensor positions)
    {
        var half = Config.HeadDim / 2;
        var cos = _cos.index_select(0, positions).unsqueeze(1);
        var sin = _sin.index_select(0, positions).unsqueeze(1);
        var x1 = x.narrow(2, 0, half);
        var x2 = x.narrow(2, half, half);
        return torch.cat([x1 * cos - x2 * sin, x1 * sin + x2 * cos], 2);
    }

    /// <summary>
    /// Query rows [L, heads, head dim] of one segment against keys 0..End of its cache. Query heads are grouped by the KV
    /// head they share, so K and V are read once per group rather than copied per query head.
    /// </summary>
    private Tensor AttendSegment(int layer, Tensor q, Segment segment)
    {
        var length = segment.Tokens.Length;
        var group = Config.Heads / Config.KvHeads;
        var (keys, values) = segment.Request.Cache!.Read(layer, segment.End);
        var queries = q.view(length, Config.KvHeads, group, Config.HeadDim).permute(1, 2, 0, 3).reshape(Config.KvHeads, group * length, Config.HeadDim);
        var scores = queries.matmul(keys.permute(1, 2, 0)) * (1.0 / Math.Sqrt(Config.HeadDim));
        if (length > 1)
        {
            // Query t sits at position Position + t and may not see keys after it.
            var keyIndex = torch.arange(0, segment.End).unsqueeze(0);
            var queryIndex = (torch.arange(0, length) + segment.Position).unsqueeze(1);
            var future = torch.gt(keyIndex, queryIndex).repeat(group, 1);
            scores = scores.masked_fill(future, double.NegativeInfinity);
        }

        var mixed = scores.softmax(-1).matmul(values.permute(1, 0, 2));
        return mixed.view(Config.KvHeads, group, length, Config.HeadDim).permute(2, 0, 1, 3).reshape(length, Config.Dim);
    }
}
