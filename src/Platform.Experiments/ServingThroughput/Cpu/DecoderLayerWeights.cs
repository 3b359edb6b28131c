using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>One decoder layer's weights: RMSNorm gains, fused KQV, O, fused Up/Gate (SwiGLU) and Down.</summary>
internal sealed class DecoderLayerWeights : IDisposable
{
    public DecoderLayerWeights(TinyDecoderConfig config, Generator generator)
    {
        AttentionNorm = torch.ones(config.Dim, config.DType);
        FfnNorm = torch.ones(config.Dim, config.DType);
        Kqv = Init([config.Dim, config.Dim + 2 * config.KvDim], config, generator);
        Output = Init([config.Dim, config.Dim], config, generator);
        UpGate = Init([config.Dim, 2 * config.Ffn], config, generator);
        Down = Init([config.Ffn, config.Dim], config, generator);
    }

    public Tensor AttentionNorm { get; }

    public Tensor FfnNorm { get; }

    public Tensor Kqv { get; }

    public Tensor Output { get; }

    public Tensor UpGate { get; }

    public Tensor Down { get; }

    /// <summary>Scaled so activations keep unit variance through the random (untrained) layers.</summary>
    public static Tensor Init(long[] shape, TinyDecoderConfig config, Generator generator)
    {
        using var raw = torch.randn(shape, dtype: config.DType, generator: generator);
        return raw.mul(1.0 / Math.Sqrt(shape[0]));
    }

    public void Dispose()
    {
        AttentionNorm.Dispose();
        FfnNorm.Dispose();
        Kqv.Dispose();
        Output.Dispose();
        UpGate.Dispose();
        Down.Dispose();
    }
}
