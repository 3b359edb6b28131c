using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>One request's contiguous K and V cache: [layers, capacity, kv heads, head dim] each.</summary>
public sealed class KvCache : IDisposable
{
    private readonly Tensor _keys;
    private readonly Tensor _values;

    public KvCache(TinyDecoderConfig config, int capacity)
    {
        _keys = torch.zeros([config.Layers, capacity, config.KvHeads, config.HeadDim], config.DType);
        _values = torch.zeros([config.Layers, capacity, config.KvHeads, config.HeadDim], config.DType);
    }

    public void Write(int layer, int position, Tensor keys, Tensor values)
    {
        using var keySlot = _keys[layer].narrow(0, position, keys.shape[0]);
        using var valueSlot = _values[layer].narrow(0, position, values.shape[0]);
        keySlot.copy_(keys);
        valueSlot.copy_(values);
    }

    /// <summary>Views of the first <paramref name="length"/> positions; they belong to the caller's dispose scope.</summary>
    public (Tensor Keys, Tensor Values) Read(int layer, int length) =>
        (_keys[layer].narrow(0, 0, length), _values[layer].narrow(0, 0, length));

    public void Dispose()
    {
        _keys.Dispose();
        _values.Dispose();
    }
}
