namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>
/// One sublayer on one device of an N-way tensor-parallel ring: the GEMM [T x kH/N] by [kH/N x H] whose T x H
/// output is reduce-scattered. Sizes in elements, traffic in bytes.
/// </summary>
public sealed record CellShape(int Hidden, int Tp, int Tokens, int InnerFactor, int DtypeBytes, int Tile = 128, double L2Reuse = 0.9)
{
    /// <summary>The GEMM's inner dimension on one device, kH/N.</summary>
    public double Inner => (double)InnerFactor * Hidden / Tp;

    public double Flops => 2.0 * Tokens * Hidden * Inner;

    /// <summary>The all-reduced message S = T·H·s bytes; it does not shrink with N.</summary>
    public double MessageBytes => (double)Tokens * Hidden * DtypeBytes;

    public double ChunkBytes => MessageBytes / Tp;

    /// <summary>
    /// DRAM bytes of the GEMM: each input is read once plus the re-reads by other output tiles that the L2 misses,
    /// and the output is written once.
    /// </summary>
    public double GemmBytes
    {
        get
        {
            var miss = 1 - L2Reuse;
            var a = Tokens * Inner * (1 + (((double)Hidden / Tile) - 1) * miss);
            var b = Inner * Hidden * (1 + (((double)Tokens / Tile) - 1) * miss);
            return DtypeBytes * (a + b + ((double)Tokens * Hidden));
        }
    }
}
