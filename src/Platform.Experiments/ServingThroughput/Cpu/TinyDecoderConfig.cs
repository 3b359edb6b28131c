using static TorchSharp.torch;

namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>Shapes of the tiny LLaMA-style decoder served on the CPU; the vocabulary is bytes.</summary>
public sealed record TinyDecoderConfig(int Dim, int Layers, int Heads, int KvHeads, int Ffn, int MaxContext, int Vocab = 256, ScalarType DType = ScalarType.Float32)
{
    public int HeadDim => Dim / Heads;

    public int KvDim => KvHeads * HeadDim;

    /// <summary>Weights a token multiplies through (projections and lm_head), the P of the CPU optimum.</summary>
    public double ActiveParams => Layers * ((double)Dim * (Dim + 2 * KvDim) + (double)Dim * Dim + 3.0 * Dim * Ffn) + (double)Dim * Vocab;
}
