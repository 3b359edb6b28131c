using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>All the layers distillation matches, from L1 to the head.</summary>
public sealed record LayerOutputs(Tensor L1, Tensor L2, Tensor L3, Tensor Head) : IDisposable
{
    public static LayerOutputs From(Tensor l1, TrunkOutputs trunk) => new(l1, trunk.L2, trunk.L3, trunk.Head);

    public void Dispose()
    {
        L1.Dispose();
        L2.Dispose();
        L3.Dispose();
        Head.Dispose();
    }
}
