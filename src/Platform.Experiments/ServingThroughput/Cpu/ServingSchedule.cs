namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>How an iteration's tokens go through the decoder layers.</summary>
public enum ServingSchedule
{
    /// <summary>The whole batch, one op after another.</summary>
    Sequential,

    /// <summary>Two nano-batches, one after the other: the smaller-GEMM cost without overlap.</summary>
    NanobatchOnly,

    /// <summary>
    /// Two nano-batches in a two-stage pipeline per layer: one's attention runs on one task while the other's GEMMs run on
    /// another, each with half of the run's threads.
    /// </summary>
    NanoOverlap,
}
