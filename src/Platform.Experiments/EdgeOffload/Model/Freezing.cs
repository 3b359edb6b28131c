using TorchSharp;

namespace Platform.Experiments.EdgeOffload.Model;

public static class Freezing
{
    /// <summary>
    /// Stops gradients accumulating in a module's parameters while still letting them flow through it to its
    /// input, which is what GHND needs: losses at L2/L3 train the head through the frozen layers.
    /// </summary>
    public static void Freeze(this torch.nn.Module module)
    {
        foreach (var parameter in module.parameters())
        {
            parameter.requires_grad = false;
        }
        module.eval();
    }
}
