using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Compression;

/// <summary>
/// The paper code's post-training quantiser of the transmitted tensor (asymmetric min-max over each whole
/// message): scale = (max - min) / (2^b - 1), zero point = trunc(clamp(-min / scale, 0, 2^b - 1)),
/// q = clamp(round(zero point + x / scale), 0, 2^b - 1), x' = scale * (q - zero point).
/// </summary>
public static class MinMaxQuantizer
{
    /// <summary>Bytes a message adds besides its codes: a float32 scale and an int32 zero point.</summary>
    public const int HeaderBytes = 8;

    public static long PayloadBytes(long elements, int bits) => ((elements * bits) + 7) / 8 + HeaderBytes;

    /// <summary>Quantises each sample of the batch (dimension 0) as its own message.</summary>
    public static QuantizedTensor Quantize(Tensor x, int bits)
    {
        using var scope = torch.NewDisposeScope();
        var levels = (1L << bits) - 1;
        var flat = x.flatten(1);
        var min = flat.amin([1]);
        var max = flat.amax([1]);
        // A constant message has max == min and the formula's scale is 0; scaling by its magnitude instead sends it
        // as code 2^b - 1 (positive) or 0 with zero point 2^b - 1 (negative), which reproduces it exactly.
        var range = max - min;
        var magnitude = torch.maximum(max.abs(), min.abs()).clamp_min(1e-12);
        var scale = torch.where(range > 0, range, magnitude) / levels;
        var zeroPoint = (-min / scale).clamp(0, levels).trunc();
        var shape = new long[x.dim()];
        Array.Fill(shape, 1L);
        shape[0] = x.shape[0];
        var codes = ((x / scale.view(shape)) + zeroPoint.view(shape)).round().clamp(0, levels);
        return new QuantizedTensor(codes.MoveToOuterDisposeScope(), scale.MoveToOuterDisposeScope(),
            zeroPoint.MoveToOuterDisposeScope(), bits);
    }

    public static Tensor Dequantize(QuantizedTensor q)
    {
        using var scope = torch.NewDisposeScope();
        var shape = new long[q.Codes.dim()];
        Array.Fill(shape, 1L);
        shape[0] = q.Codes.shape[0];
        return (q.Scale.view(shape) * (q.Codes - q.ZeroPoint.view(shape))).MoveToOuterDisposeScope();
    }

    /// <summary>What the server receives: the tensor after a quantise/dequantise round trip.</summary>
    public static Tensor RoundTrip(Tensor x, int bits)
    {
        using var q = Quantize(x, bits);
        return Dequantize(q);
    }
}
