namespace Platform.Experiments.ServingThroughput;

/// <summary>What a serving-throughput run does. Bound from kebab-case: <c>cost-model</c>, <c>simulate</c>, <c>cpu-real</c>.</summary>
public enum ServingMode
{
    /// <summary>NanoFlow's analytical model: resource times, binding resource, memory-limited batch, optimum.</summary>
    CostModel,

    /// <summary>The discrete-event simulation of one steady-state iteration per engine, with the pipeline search.</summary>
    Simulate,

    /// <summary>A tiny LLaMA-style decoder served on this CPU with TorchSharp, sequential and nano-batched.</summary>
    CpuReal,
}
