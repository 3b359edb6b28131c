namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// The per-GPU cost of each operation of a decoder layer for a nano-batch of a given size (operation classes as in
/// NanoFlow §2–3): weights and heads are sharded over the tensor-parallel group, norms are replicated.
/// </summary>
internal sealed class LayerOps(OpCostModel costs, IterationComposition batch)
{
    private readonly double _hidden = costs.System.Model.Hidden;
    private readonly double _kvDim = costs.System.Model.KvDim;
    private readonly double _ffn = costs.System.Model.Ffn;
    private readonly double _experts = costs.System.Model.Experts;
    private readonly double _topK = costs.System.Model.TopK;
    private readonly double _bytes = costs.System.BytesPerElement;
    private readonly double _gpus = costs.System.Gpus;

    public bool HasNetwork => costs.System.Gpus > 1;

    public (OpClass, OpCost) Kqv(int tokens)
    {
        var width = _hidden + 2 * _kvDim;
        return (OpClass.Gemm, costs.Gemm(tokens, 2 * tokens * _hidden * width / _gpus, _hidden * width * _bytes / _gpus));
    }

    /// <summary>Each decode token reads its request's whole K and V cache of this layer.</summary>
    public (OpClass, OpCost) DecodeAttention(int decodeTokens) =>
        (OpClass.DecodeAttention, costs.DecodeAttention(decodeTokens * batch.DecodeContext * 2 * _kvDim * _bytes / _gpus));

    public (OpClass, OpCost) PrefillAttention(int prefillTokens) =>
        (OpClass.PrefillAttention, costs.Gemm(prefillTokens, 4 * prefillTokens * batch.PrefillContext * _hidden / _gpus, 0));

    public (OpClass, OpCost) OutputProjection(int tokens) =>
        (OpClass.Gemm, costs.Gemm(tokens, 2 * tokens * _hidden * _hidden / _gpus, _hidden * _hidden * _bytes / _gpus));

    public (OpClass, OpCost) UpGate(int tokens) =>
        (OpClass.Gemm, costs.Gemm(tokens, 2 * tokens * _hidden * 2 * _ffn * _topK / _gpus, _hidden * 2 * _ffn * _experts * _bytes / _gpus));

    public (OpClass, OpCost) Down(int tokens) =>
        (OpClass.Gemm, costs.Gemm(tokens, 2 * tokens * _ffn * _hidden * _topK / _gpus, _ffn * _hidden * _experts * _bytes / _gpus));

    public (OpClass, OpCost) AllReduce(int tokens) => (OpClass.Network, costs.AllReduce(tokens * _hidden * _bytes));

    public (OpClass, OpCost) AllGather(int tokens) => (OpClass.Network, costs.AllGather(tokens * _hidden * _bytes));

    /// <summary>Half of the layer's small-kernel traffic (a norm, RoPE or residual) for one nano-batch.</summary>
    public (OpClass, OpCost) Norm(int tokens) =>
        (OpClass.Other, costs.Other(costs.Calibration.OtherTrafficFactor / 2 * tokens * _hidden * _bytes));
}
