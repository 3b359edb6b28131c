namespace Platform.Experiments.ServingThroughput.Hardware;

/// <summary>
/// The shapes of a decoder-only transformer that decide its serving cost. Parameter counts are attention, FFN per expert, embedding and lm_head:
/// norms and biases are ignored; "active" counts what one token touches (attention, top-k experts, lm_head).
/// </summary>
public sealed record ModelShape(string Name, int Hidden, int Layers, int Heads, int KvHeads, int Ffn, int Vocab, int Experts = 1, int TopK = 1)
{
    public int HeadDim => Hidden / Heads;

    public int KvDim => KvHeads * HeadDim;

    public int GqaRatio => Heads / KvHeads;

    public double AttentionParamsPerLayer => (double)Hidden * (Hidden + 2.0 * KvDim) + (double)Hidden * Hidden;

    public double FfnParamsPerExpert => 3.0 * Hidden * Ffn;

    /// <summary>Everything held in memory, embedding and lm_head included.</summary>
    public double TotalParams => Layers * (AttentionParamsPerLayer + Experts * FfnParamsPerExpert) + 2.0 * Vocab * Hidden;

    /// <summary>What one token multiplies through: the compute side of the optimum (paper Eq. 5).</summary>
    public double ActiveParams => Layers * (AttentionParamsPerLayer + TopK * FfnParamsPerExpert) + (double)Vocab * Hidden;

    /// <summary>K and V of every layer for one token.</summary>
    public double KvBytesPerToken(int bytesPerElement) => 2.0 * Layers * KvDim * bytesPerElement;
}
