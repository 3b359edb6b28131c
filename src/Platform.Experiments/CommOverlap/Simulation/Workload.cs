using Platform.Experiments.CommOverlap.Hardware;

namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>What every cell of a sweep shares besides the GPU: tokens per micro-batch, element size and the GEMM's tiling.</summary>
public sealed record Workload(int Tokens, int DtypeBytes, int Tile, double L2Reuse)
{
    public CellShape Shape(CellKey key) =>
        new(key.Hidden, key.Tp, Tokens, ModelShapes.InnerFactor(key.Sublayer), DtypeBytes, Tile, L2Reuse);
}
