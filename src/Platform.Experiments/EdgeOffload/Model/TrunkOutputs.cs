using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>The intermediate outputs distillation compares (L2, L3) and the detection head's raw output.</summary>
public sealed record TrunkOutputs(Tensor L2, Tensor L3, Tensor Head);
