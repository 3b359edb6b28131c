namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>The paper's operation classes: which resource an operation is bound by.</summary>
public enum OpClass
{
    /// <summary>Dense projections (KQV, O, Up/Gate, Down, lm_head): compute-bound.</summary>
    Gemm,

    /// <summary>Decode attention, a GEMV over the KV cache: memory-bound.</summary>
    DecodeAttention,

    /// <summary>Prefill attention: compute-bound but small at these lengths.</summary>
    PrefillAttention,

    /// <summary>Tensor-parallel collectives: network-bound.</summary>
    Network,

    /// <summary>RMSNorm, RoPE, residual adds: small memory-bound kernels.</summary>
    Other,
}
