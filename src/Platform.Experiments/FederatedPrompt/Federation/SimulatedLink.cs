using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Federation;

/// <summary>
/// The only way a tensor crosses between client and server. It counts numel x element size plus a fixed header per
/// message, rounds activations and gradients to the link's precision, and returns a detached copy, so no autograd
/// graph can leak across the "network". The header is an assumption (see <see cref="HeaderBytes"/>); messages are
/// counted so a claim can re-evaluate the bytes over its plausible range.
/// </summary>
public sealed class SimulatedLink(ActivationPrecision precision = ActivationPrecision.Fp32)
{
    /// <summary>Per-message framing assumed: tensor id, dtype, rank and a small shape.</summary>
    public const int HeaderBytes = 16;

    /// <summary>An int8 message also carries its float32 scale.</summary>
    public const int Int8ScaleBytes = 4;

    private readonly long[] _bytes = new long[LinkCounters.Slots];
    private readonly long[] _messages = new long[LinkCounters.Slots];

    public LinkCounters Counters => new((long[])_bytes.Clone(), (long[])_messages.Clone());

    public static long MessageBytes(long elements, PayloadKind kind, ActivationPrecision precision) =>
        HeaderBytes + (kind == PayloadKind.Parameters ? elements * 4 : precision switch
        {
            ActivationPrecision.Fp16 => elements * 2,
            ActivationPrecision.Int8 => elements + Int8ScaleBytes,
            _ => elements * 4,
        });

    /// <summary>Continues the counts of an earlier attempt of the run, so totals cover every round.</summary>
    public void Restore(LinkCounters counters)
    {
        counters.Bytes.CopyTo(_bytes, 0);
        counters.Messages.CopyTo(_messages, 0);
    }

    public Tensor Send(Tensor tensor, LinkDirection direction, PayloadKind kind)
    {
        var slot = LinkCounters.Index(direction, kind);
        _bytes[slot] += MessageBytes(tensor.numel(), kind, precision);
        _messages[slot]++;
        var copy = tensor.detach().clone();
        return kind == PayloadKind.Parameters ? copy : Quantize(copy);
    }

    /// <summary>Sends named parameters as one message each; returns the received copies.</summary>
    public Dictionary<string, Tensor> SendParameters(IEnumerable<(string Name, Tensor Value)> parameters, LinkDirection direction) =>
        parameters.ToDictionary(p => p.Name, p => Send(p.Value, direction, PayloadKind.Parameters).DetachFromDisposeScope());

    private Tensor Quantize(Tensor tensor)
    {
        switch (precision)
        {
            case ActivationPrecision.Fp16:
                return tensor.to(ScalarType.Float16).to(ScalarType.Float32);
            case ActivationPrecision.Int8:
                var scale = tensor.abs().max().item<float>() / 127f;
                return scale == 0 ? tensor : tensor.div(scale).round().clamp(-127, 127).mul(scale);
            default:
                return tensor;
        }
    }
}
